import { type LastMessage, readMarker } from './group-item.js';
import { type InboxRow, inboxRowsOfGroup, putInboxRow } from './inbox-row.js';
import type { ItemKey } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { keyOf } from './rows.js';
import { settleAll } from './settle-all.js';
import { staleInboxRows } from './stale-rows.js';

/** Both members' inbox rows for the group's last message: each shows the *other* member. */
export const inboxRowsFor = (last: LastMessage): [InboxRow, InboxRow] => {
  const { groupUuid, text, createdAt: at } = last;
  const senderUuid = last.sender.uuid;
  return [
    { ownerUuid: last.sender.uuid, other: last.recipient, groupUuid, text, at, senderUuid },
    { ownerUuid: last.recipient.uuid, other: last.sender, groupUuid, text, at, senderUuid },
  ];
};

/** Steps 3–4: both members' rows for `last`, at once (one round trip); each put is conditional. */
export const putInboxRows = (table: MessagesTable, last: LastMessage): Promise<void> =>
  settleAll(inboxRowsFor(last).map((row) => putInboxRow(table, row)));

/** Every inbox row of the group, in any owner's partition (the index holds only inbox rows). */
const groupInboxRows = async (table: MessagesTable, groupUuid: string): Promise<ItemKey[]> => {
  const rows: ItemKey[] = [];
  const pages = table.queryPages({ ...inboxRowsOfGroup(groupUuid), ProjectionExpression: 'pk, sk' });
  for await (const { Items = [] } of pages) rows.push(...Items.flatMap((item) => keyOf(item) ?? []));
  return rows;
};

/**
 * Step 5, the sweep: read the group index, delete every row of each owner but the newest. It
 * runs after the puts it tidies up for, so of two sends racing, at least one sweep sees the
 * other's rows, and the newest row per owner is never deleted: the race ends with one row each.
 */
export const sweepGroup = async (table: MessagesTable, groupUuid: string): Promise<void> => {
  const stale = staleInboxRows(await groupInboxRows(table, groupUuid));
  await table.writeBatch(stale.map((key) => ({ delete: key })));
};

/** Steps 3–5 for `last`: put first, so a crash in between leaves a duplicate, never a gap. */
export const writeInboxRows = async (table: MessagesTable, last: LastMessage): Promise<void> => {
  await putInboxRows(table, last);
  await sweepGroup(table, last.groupUuid);
};

/** Converges a group from its marker: what a send that lost the marker, or died, leaves to do. */
export const convergeGroup = async (table: MessagesTable, groupUuid: string): Promise<void> => {
  const owner = await readMarker(table, groupUuid);
  if (owner !== null) await writeInboxRows(table, owner);
};
