import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { dynamoCall } from '../../dynamo/index.js';
import { CliError } from '../errors.js';
import type { DynamoTable } from '../session.js';

export type WriteRequest = NonNullable<NonNullable<BatchWriteCommandInput['RequestItems']>[string]>[number];

/** One BatchWriteItem call; a parameter so tests can play a throttled table. */
export type BatchSend = (input: BatchWriteCommandInput) => Promise<BatchWriteCommandOutput>;

export const sendBatch =
  ({ client }: DynamoTable): BatchSend =>
  (input) =>
    dynamoCall(() => client.send(new BatchWriteCommand(input)));

/** DynamoDB's limit on one BatchWriteItem call. */
export const BATCH_SIZE = 25;

export interface BatchWriteOptions {
  /** Called after each chunk with the number of requests written so far. */
  readonly onProgress?: (done: number) => void;
  /** Retries of a chunk's UnprocessedItems before giving up. Default 8 (at most about 16 s of pauses). */
  readonly maxRetries?: number;
  readonly baseDelayMs?: number;
}

/** Exponential backoff with full jitter (AWS's advice), capped at 5 s per pause. */
const backoff = (retry: number, baseMs: number): Promise<void> => {
  const ceiling = Math.min(5_000, baseMs * 2 ** retry);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
};

/**
 * Puts and deletes in chunks of 25. A throttled table answers with UnprocessedItems instead
 * of an error (the original's seed dropped them silently): they are sent again with backoff,
 * and if some still remain after the last retry the command fails and says how many.
 */
export const batchWrite = async (
  send: BatchSend,
  tableName: string,
  requests: readonly WriteRequest[],
  { onProgress, maxRetries = 8, baseDelayMs = 50 }: BatchWriteOptions = {},
): Promise<void> => {
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    const chunk = requests.slice(start, start + BATCH_SIZE);
    let pending = chunk;
    for (let retry = 0; pending.length > 0; retry++) {
      if (retry > maxRetries) {
        throw new CliError(
          `${pending.length} item${pending.length === 1 ? ' was' : 's were'} still unprocessed after ` +
            `${maxRetries} retries (is table ${tableName} throttled?); ` +
            `${start + chunk.length - pending.length} of ${requests.length} were written`,
        );
      }
      if (retry > 0) await backoff(retry, baseDelayMs);
      const output = await send({ RequestItems: { [tableName]: pending } });
      pending = output.UnprocessedItems?.[tableName] ?? [];
    }
    onProgress?.(start + chunk.length);
  }
};
