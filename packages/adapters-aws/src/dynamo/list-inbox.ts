import type { InboxEntry, Page, PageRequest } from '@cruddur/core';
import { decodeCursor, encodeCursor } from './cursor.js';
import { readInboxRow } from './inbox-row.js';
import { type ItemKey, inboxPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { keyOf } from './rows.js';

/** Bounds the extra queries a page may need to refill itself after dropping duplicates. */
const MAX_QUERIES_PER_PAGE = 4;

/**
 * One page of an owner's inbox, latest activity first. Normally one Query of `limit + 1`
 * rows (the extra row says whether a next page exists). A send caught between "put new row"
 * and "delete old row" leaves two rows for one group: the older one is dropped here, and
 * the page is topped up with a further query so it stays full.
 */
export const listInboxPage = async (
  table: MessagesTable,
  ownerUuid: string,
  { limit, cursor }: PageRequest,
): Promise<Page<InboxEntry>> => {
  const pk = inboxPartition(ownerUuid);
  const entries: Array<{ entry: InboxEntry; key: ItemKey }> = [];
  const seen = new Set<string>();
  let startKey: Record<string, unknown> | undefined = decodeCursor(cursor, pk);
  let lastRead: ItemKey | null = null;
  for (let queries = 0; queries < MAX_QUERIES_PER_PAGE && entries.length <= limit; queries++) {
    const page = await table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ExclusiveStartKey: startKey,
      ScanIndexForward: false,
      Limit: limit + 1 - entries.length,
    });
    for (const item of page.Items ?? []) {
      const entry = readInboxRow(item);
      const key = keyOf(item);
      if (key === null) continue;
      lastRead = key;
      // Rows come newest first, so the first row of a group is its current one.
      if (entry === null || seen.has(entry.groupUuid)) continue;
      seen.add(entry.groupUuid);
      entries.push({ entry, key });
    }
    startKey = page.LastEvaluatedKey;
    if (startKey === undefined) break;
  }
  const items = entries.slice(0, limit);
  const more = entries.length > limit || startKey !== undefined;
  const resumeAt = entries.length > limit ? items.at(-1)?.key : lastRead;
  return {
    items: items.map(({ entry }) => entry),
    nextCursor: more && resumeAt ? encodeCursor(resumeAt) : null,
  };
};
