import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError } from '@cruddur/core';
import { dynamoCall, RETRY_AFTER } from './errors.js';
import type { ItemKey } from './keys.js';
import type { Item } from './rows.js';

/** The one client and the table it talks to, shared by every part of the adapter. */
export interface MessagesTable {
  readonly client: DynamoDBDocumentClient;
  readonly name: string;
}

export type WriteRequest = { readonly put: Item } | { readonly delete: ItemKey };

type BatchRequest = NonNullable<
  NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string]
>[number];

const BATCH_LIMIT = 25;
const UNPROCESSED_RETRIES = 5;

const toBatchRequest = (request: WriteRequest): BatchRequest =>
  'put' in request ? { PutRequest: { Item: request.put } } : { DeleteRequest: { Key: request.delete } };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Unconditional puts and deletes in as few calls as possible. Items a throttled table
 * leaves unprocessed are retried with backoff; if they still do not go through, the
 * caller gets DependencyUnavailableError (the write path is safe to retry).
 */
export const writeBatch = async (table: MessagesTable, requests: readonly WriteRequest[]): Promise<void> => {
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    let pending = requests.slice(start, start + BATCH_LIMIT).map(toBatchRequest);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES)
        throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.throttled);
      if (attempt > 0) await pause(25 * 2 ** attempt);
      const batch = pending;
      const { UnprocessedItems } = await dynamoCall(() =>
        table.client.send(new BatchWriteCommand({ RequestItems: { [table.name]: batch } })),
      );
      pending = UnprocessedItems?.[table.name] ?? [];
    }
  }
};
