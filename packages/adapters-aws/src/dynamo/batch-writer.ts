import { randomInt } from 'node:crypto';
import type { BatchWriteCommandInput, BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError } from '@cruddur/core';
import { RETRY_AFTER } from './errors.js';
import type { ItemKey } from './keys.js';
import type { Item } from './rows.js';

export type WriteRequest = { readonly put: Item } | { readonly delete: ItemKey };

export type BatchRequest = NonNullable<NonNullable<BatchWriteCommandInput['RequestItems']>[string]>[number];

/** One BatchWriteItem call for the table: the requests sent, the ones left unprocessed. */
export type BatchCall = (requests: BatchRequest[]) => Promise<BatchWriteCommandOutput>;

/** DynamoDB's limit on one BatchWriteItem call. */
export const BATCH_LIMIT = 25;
const UNPROCESSED_RETRIES = 5;

const toBatchRequest = (request: WriteRequest): BatchRequest =>
  'put' in request ? { PutRequest: { Item: request.put } } : { DeleteRequest: { Key: request.delete } };

/** Exponential backoff with full jitter, so hosts throttled together do not retry together. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, randomInt(1, 25 * 2 ** attempt + 1)));

/**
 * Unconditional puts and deletes in as few calls as possible. Items a throttled table
 * leaves unprocessed are retried with backoff (bounded); if they still do not go through,
 * the caller gets DependencyUnavailableError (every batch write here is safe to retry).
 */
export const writeBatch = async (
  tableName: string,
  call: BatchCall,
  requests: readonly WriteRequest[],
): Promise<void> => {
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    let pending = requests.slice(start, start + BATCH_LIMIT).map(toBatchRequest);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES)
        throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.throttled);
      if (attempt > 0) await pause(attempt);
      const { UnprocessedItems } = await call(pending);
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  }
};
