import type { GroupMembers } from '@cruddur/core';
import { groupOfInboxRow, INBOX_GROUP, inboxRowsOfGroup } from './inbox-row.js';
import { inboxPartition, ownerOfInboxPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import type { ItemPage } from './pager.js';
import { PERSON_UUID, stringAttribute } from './rows.js';

/**
 * Groups the original system created have no group or pair item: only their inbox rows
 * (owner in the key, other member in `user_uuid`) say who talks to whom.
 */

/** Members from one inbox row of the group (one GSI query, one item read). */
export const legacyMembers = async (
  table: MessagesTable,
  groupUuid: string,
): Promise<GroupMembers | null> => {
  // Only the two attributes read: a real group's answer is then hardly bigger than an unknown one's.
  const { Items = [] } = await table.query({
    ...inboxRowsOfGroup(groupUuid),
    Limit: 1,
    ProjectionExpression: `pk, ${PERSON_UUID}`,
  });
  const [row] = Items;
  const owner = ownerOfInboxPartition(stringAttribute(row ?? {}, 'pk') ?? '');
  const other = stringAttribute(row ?? {}, PERSON_UUID);
  return owner !== null && other !== null && owner !== other ? [owner, other] : null;
};

/** Inbox rows read per query; one page of each member's inbox per round. */
export const PAIR_SEARCH_PAGE = 100;

/** The owner's inbox rows showing `other`, newest first, a page at a time. */
const rowsShowing = (table: MessagesTable, owner: string, other: string) =>
  table.queryPages({
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: `${PERSON_UUID} = :other`,
    ExpressionAttributeValues: { ':pk': inboxPartition(owner), ':other': other },
    ProjectionExpression: INBOX_GROUP,
    ScanIndexForward: false,
    Limit: PAIR_SEARCH_PAGE,
  });

const groupOn = ({ Items = [] }: ItemPage) => Items.map(groupOfInboxRow).find(Boolean);

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
  const inboxes = [rowsShowing(table, a, b), rowsShowing(table, b, a)];
  try {
    for (;;) {
      // Both generators yield until their last page, so `value` is always a page here.
      const pages = await Promise.all(inboxes.map(async (pages) => (await pages.next()).value as ItemPage));
      const groupUuid = pages.map(groupOn).find((uuid) => uuid !== undefined);
      if (groupUuid) return groupUuid;
      if (pages.some((page) => page.LastEvaluatedKey === undefined)) return null;
    }
  } finally {
    await Promise.all(inboxes.map((pages) => pages.return(undefined)));
  }
};
