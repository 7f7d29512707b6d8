import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxEntry, Message } from '@cruddur/core';
import { BATCH_LIMIT } from './batch-writer.js';
import { inboxRowItem } from './inbox-row.js';
import { MessagesTable } from './messages-table.js';
import { messageRowItem } from './message-row.js';

/** What a seed or a benchmark loads in bulk; the rows are the ones `append` would write. */
export interface BulkLoad {
  /** Message rows (no inbox update, no group marker). */
  readonly messages?: readonly Message[];
  /** Inbox rows: `ownerUuid`'s entry for a group. */
  readonly inboxEntries?: ReadonlyArray<{ readonly ownerUuid: string; readonly entry: InboxEntry }>;
}

export interface BulkLoadOptions {
  /** Called after each batch with the rows written so far and the rows to write. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Batches in flight at once. Default 4. */
  readonly concurrency?: number;
}

/**
 * Unconditional puts of many rows, `BATCH_LIMIT` per call and a few calls at once, through the
 * adapter's batch writer (unprocessed items are retried; if some never go through the load
 * fails with `DependencyUnavailableError`). It bypasses the send path's ordering: use it only
 * for rows no one else is writing (a new table, a pair nobody has messaged yet).
 */
export const bulkLoad = async (
  target: { readonly client: DynamoDBDocumentClient; readonly tableName: string },
  { messages = [], inboxEntries = [] }: BulkLoad,
  { onProgress, concurrency = 4 }: BulkLoadOptions = {},
): Promise<void> => {
  const table = new MessagesTable(target.client, target.tableName);
  const rows = [
    ...messages.map((message) => ({ put: messageRowItem(message) })),
    ...inboxEntries.map(({ ownerUuid, entry }) => ({
      put: inboxRowItem({
        ownerUuid,
        other: entry.otherUser,
        groupUuid: entry.groupUuid,
        text: entry.lastMessage,
        at: entry.lastMessageAt,
        senderUuid: entry.lastSenderUuid,
      }),
    })),
  ];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const batch = rows.slice(next, next + BATCH_LIMIT);
      next += batch.length;
      await table.writeBatch(batch);
      done += batch.length;
      onProgress?.(done, rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
};
