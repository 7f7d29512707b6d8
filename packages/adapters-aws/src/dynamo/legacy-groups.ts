import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupMembers } from '@cruddur/core';
import { dynamoCall } from './errors.js';
import { inboxPartition, MESSAGE_GROUP_INDEX, ownerOfInboxPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { type Item, stringAttribute } from './rows.js';

/**
 * Groups the original system created have no group or pair item: only their inbox rows
 * (owner in the key, other member in `user_uuid`) say who talks to whom.
 */

/** Members from one inbox row of the group (one GSI query, one item read). */
export const legacyMembers = async (
  table: MessagesTable,
  groupUuid: string,
): Promise<GroupMembers | null> => {
  const { Items = [] } = await dynamoCall(() =>
    table.client.send(
      new QueryCommand({
        TableName: table.name,
        IndexName: MESSAGE_GROUP_INDEX,
        KeyConditionExpression: 'message_group_uuid = :g',
        ExpressionAttributeValues: { ':g': groupUuid },
        Limit: 1,
      }),
    ),
  );
  const [row] = Items;
  const owner = ownerOfInboxPartition(stringAttribute(row ?? {}, 'pk') ?? '');
  const other = stringAttribute(row ?? {}, 'user_uuid');
  return owner !== null && other !== null && owner !== other ? [owner, other] : null;
};

/** Inbox rows read per query; one page of each member's inbox per round. */
export const PAIR_SEARCH_PAGE = 100;

interface Cursor {
  startKey: Record<string, unknown> | undefined;
  done: boolean;
}

const searchPage = async (table: MessagesTable, owner: string, other: string, cursor: Cursor) => {
  const page = await dynamoCall(() =>
    table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'user_uuid = :other',
        ExpressionAttributeValues: { ':pk': inboxPartition(owner), ':other': other },
        ProjectionExpression: 'message_group_uuid',
        ScanIndexForward: false,
        Limit: PAIR_SEARCH_PAGE,
        ExclusiveStartKey: cursor.startKey,
      }),
    ),
  );
  cursor.startKey = page.LastEvaluatedKey;
  cursor.done = page.LastEvaluatedKey === undefined;
  return (page.Items ?? []).map((item: Item) => stringAttribute(item, 'message_group_uuid')).find(Boolean);
};

/**
 * The group of a pair that has no pair item, from either member's inbox: a row in A's inbox
 * showing B (or in B's showing A). Both inboxes are read a page at a time, in parallel,
 * newest first, and the search stops as soon as one of them is exhausted, since a group of
 * the pair has a row in both (a crash can leave one member without: then the other's is
 * found first or not at all, as before `repair`). Cost: 2 queries per round, one round trip
 * each round, at most ⌈min(|inbox A|, |inbox B|) / 100⌉ rounds.
 */
export const legacyGroupOfPair = async (
  table: MessagesTable,
  [a, b]: GroupMembers,
): Promise<string | null> => {
  const cursors: [Cursor, Cursor] = [
    { startKey: undefined, done: false },
    { startKey: undefined, done: false },
  ];
  while (!cursors[0].done && !cursors[1].done) {
    const found = await Promise.all([
      searchPage(table, a, b, cursors[0]),
      searchPage(table, b, a, cursors[1]),
    ]);
    const groupUuid = found.find((uuid) => uuid !== undefined);
    if (groupUuid) return groupUuid;
  }
  return null;
};
