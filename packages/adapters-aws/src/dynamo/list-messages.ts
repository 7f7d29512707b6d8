import type { Message, Page, PageRequest } from '@cruddur/core';
import { decodeCursor, encodeCursor } from './cursor.js';
import { messagesPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { readMessageRow } from './message-row.js';
import { keyOf } from './rows.js';

/**
 * One page of a conversation in one Query: newest first from DynamoDB, reversed so the page
 * reads oldest to newest. No sort-key condition at all, so the whole history pages through
 * (the original's `begins_with(sk, <year>)` hid everything before January 1st). Asking for
 * one row more than the page tells whether an older page exists without an extra call.
 */
export const listMessagesPage = async (
  table: MessagesTable,
  groupUuid: string,
  { limit, cursor }: PageRequest,
): Promise<Page<Message>> => {
  const pk = messagesPartition(groupUuid);
  const { Items = [] } = await table.query({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ExclusiveStartKey: decodeCursor(cursor, pk),
    ScanIndexForward: false,
    Limit: limit + 1,
  });
  const rows = Items.slice(0, limit);
  const oldest = rows.at(-1);
  const oldestKey = Items.length > limit && oldest ? keyOf(oldest) : null;
  return {
    items: rows.flatMap((item) => readMessageRow(groupUuid, item) ?? []).reverse(),
    nextCursor: oldestKey ? encodeCursor(oldestKey) : null,
  };
};
