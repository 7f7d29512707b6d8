import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { claimInbox, type LastMessage, readMarker, recordMembers } from './group-item.js';
import { inboxPartition, instantOfInboxSortKey, isLegacySuffixedSortKey, messagesPartition } from './keys.js';
import { MessagesTable } from './messages-table.js';
import { registerPair } from './pair-item.js';
import { type GroupState, scanGroups } from './repair-scan.js';
import { readMessageRow } from './message-row.js';
import { staleInboxRows } from './stale-rows.js';
import { inboxRowsFor, writeInboxRows } from './sync-inbox.js';

export interface RepairOptions {
  /**
   * Decide everything, write nothing: the report counts what a real run would do, assuming
   * each marker claim succeeds (it does unless a send moves the marker meanwhile).
   */
  readonly dryRun?: boolean;
}

export interface RepairReport {
  readonly groupsChecked: number;
  /**
   * Groups given what the adapter needs and nothing the original reads: membership on groups
   * only the original wrote, and a pair item for every group whose pair has none.
   */
  readonly groupsAdopted: number;
  /** Groups whose inbox rows did not show their latest message and were rewritten. */
  readonly inboxesRewritten: number;
  readonly staleRowsDeleted: number;
  /** Groups whose latest message names a member nothing else describes: left as they are. */
  readonly groupsSkipped: number;
}

/**
 * Records what the adapter needs about a group and nothing the original reads: membership on
 * the group item when it has none, and the pair item when the pair has none (the first group
 * registered keeps the pair: the original allowed two groups per pair). True if it wrote.
 */
const adopt = async (table: MessagesTable, state: GroupState, dryRun: boolean): Promise<boolean> => {
  const members = state.itemMembers ?? state.rowMembers;
  if (members === null || (state.itemMembers !== null && state.pairRegistered)) return false;
  if (dryRun) return true;
  if (!state.pairRegistered) await registerPair(table, members, state.groupUuid);
  if (state.itemMembers === null) await recordMembers(table, state.groupUuid, members);
  return true;
};

/** The group's newest message row, as the message that should own its inbox rows. */
const latestMessage = async (
  table: MessagesTable,
  state: GroupState,
): Promise<LastMessage | 'unknown' | null> => {
  const { Items = [] } = await table.query({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': messagesPartition(state.groupUuid) },
    ScanIndexForward: false,
    Limit: 1,
  });
  const message = Items[0] ? readMessageRow(state.groupUuid, Items[0]) : null;
  if (message === null) return null;
  const members = state.itemMembers ?? state.rowMembers;
  const recipientUuid = members?.find((uuid) => uuid !== message.sender.uuid);
  const recipient = recipientUuid === undefined ? undefined : state.participants.get(recipientUuid);
  if (recipient === undefined) return 'unknown';
  const { uuid: messageUuid, groupUuid, text, createdAt, sender } = message;
  return { groupUuid, messageUuid, text, createdAt, sender, recipient };
};

/**
 * True when each member's newest row shows `last`: same instant and text, in any spelling
 * the original wrote; only rows in the `<instant>#<group>` form earlier versions wrote are
 * rewritten into the bare form.
 */
const rowsShow = (state: GroupState, last: LastMessage): boolean => {
  const stale = new Set(staleInboxRows(state.rows));
  const current = state.rows.filter((row) => !stale.has(row));
  return inboxRowsFor(last).every(({ ownerUuid }) => {
    const row = current.find(({ pk }) => pk === inboxPartition(ownerUuid));
    return (
      row !== undefined &&
      !isLegacySuffixedSortKey(row.sk) &&
      instantOfInboxSortKey(row.sk) === last.createdAt &&
      row.text === last.text
    );
  });
};

/**
 * `ddb repair`: one sweep that leaves every group as a completed send would. Safe to run
 * while the service is writing: it uses the same forward-only marker and "put, then delete
 * older" steps as a send, and only deletes rows older than a row the same owner has.
 */
export const repair = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { dryRun = false }: RepairOptions = {},
): Promise<RepairReport> => {
  const table = new MessagesTable(client, tableName);
  const report = {
    groupsChecked: 0,
    groupsAdopted: 0,
    inboxesRewritten: 0,
    staleRowsDeleted: 0,
    groupsSkipped: 0,
  };
  for (const state of await scanGroups(table)) {
    report.groupsChecked += 1;
    if (await adopt(table, state, dryRun)) report.groupsAdopted += 1;
    const latest = await latestMessage(table, state);
    if (latest === 'unknown') {
      report.groupsSkipped += 1;
      continue;
    }
    // A send that stopped after its message row left the marker behind: claim for it.
    let owner = state.marker;
    if (latest !== null && (owner === null || latest.createdAt > owner.createdAt)) {
      owner = dryRun || (await claimInbox(table, latest)) ? latest : await readMarker(table, state.groupUuid);
    }
    // A send that stopped after the marker left rows behind it: finish its inbox step.
    if (owner !== null && !rowsShow(state, owner)) {
      if (!dryRun) await writeInboxRows(table, owner);
      report.inboxesRewritten += 1;
      continue;
    }
    const stale = staleInboxRows(state.rows);
    if (!dryRun) await table.writeBatch(stale.map(({ pk, sk }) => ({ delete: { pk, sk } })));
    report.staleRowsDeleted += stale.length;
  }
  return report;
};
