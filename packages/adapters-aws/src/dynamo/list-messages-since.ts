import type { Instant, Message } from '@cruddur/core';
import { messagesPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { readMessageRow } from './message-row.js';

/**
 * The messages after `after`, oldest first, in one Query on the group's partition: message
 * sort keys are fixed-width instants, so `sk > :after` is time order. Rows the original wrote
 * in other time formats sort by their string; they predate every event id, so no stream
 * resumes in front of them.
 */
export const listMessagesSince = async (
  table: MessagesTable,
  groupUuid: string,
  after: Instant,
  limit: number,
): Promise<Message[]> => {
  const { Items = [] } = await table.query({
    KeyConditionExpression: 'pk = :pk AND sk > :after',
    ExpressionAttributeValues: { ':pk': messagesPartition(groupUuid), ':after': after },
    ScanIndexForward: true,
    // Read right after a notification: an eventually consistent read could miss the row.
    ConsistentRead: true,
    Limit: limit,
  });
  return Items.flatMap((item) => readMessageRow(groupUuid, item) ?? []);
};
