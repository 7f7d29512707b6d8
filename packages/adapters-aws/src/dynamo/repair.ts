import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoCall, isConditionalCheckFailed } from './errors.js';
import { inboxRowsFor, type LastMessage } from './group-item.js';
import { groupKey, messagesPartition, pairKey } from './keys.js';
import { type MessagesTable, writeBatch } from './messages-table.js';
import { type GroupState, scanGroups } from './repair-scan.js';
import { keyOf, readMessageRow } from './rows.js';
import { staleInboxRows } from './stale-rows.js';
import { claimInbox, readMarker, writeInboxRows } from './sync-inbox.js';

export interface RepairOptions {
  /**
   * Decide everything, write nothing: the report counts what a real run would do, assuming
   * each marker claim succeeds (it does unless a send moves the marker meanwhile).
   */
  readonly dryRun?: boolean;
}

export interface RepairReport {
  readonly groupsChecked: number;
  /** Groups the original system created, given a group item and a pair lookup. */
  readonly groupsAdopted: number;
  /** Groups whose inbox rows did not show their latest message and were rewritten. */
  readonly inboxesRewritten: number;
  readonly staleRowsDeleted: number;
  /** Groups whose latest message names a member nothing else describes: left as they are. */
  readonly groupsSkipped: number;
}

/** Gives a group only the original wrote the items this adapter expects (the pair stays first-come). */
const adopt = async (table: MessagesTable, groupUuid: string, [a, b]: readonly [string, string]) => {
  try {
    await dynamoCall(() =>
      table.client.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...pairKey(a, b), group_uuid: groupUuid, members: [a, b] },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  } catch (error) {
    // The original allowed two groups per pair: the one already registered keeps the pair.
    if (!isConditionalCheckFailed(error)) throw error;
  }
  await dynamoCall(() =>
    table.client.send(
      new UpdateCommand({
        TableName: table.name,
        Key: groupKey(groupUuid),
        UpdateExpression: 'SET members = if_not_exists(members, :members)',
        ExpressionAttributeValues: { ':members': [a, b] },
      }),
    ),
  );
};

/** The group's newest message row, as the message that should own its inbox rows. */
const latestMessage = async (
  table: MessagesTable,
  state: GroupState,
): Promise<LastMessage | 'unknown' | null> => {
  const { Items = [] } = await dynamoCall(() =>
    table.client.send(
      new QueryCommand({
        TableName: table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': messagesPartition(state.groupUuid) },
        ScanIndexForward: false,
        Limit: 1,
      }),
    ),
  );
  const message = Items[0] ? readMessageRow(state.groupUuid, Items[0]) : null;
  if (message === null) return null;
  const members = state.itemMembers ?? state.rowMembers;
  const recipientUuid = members?.find((uuid) => uuid !== message.sender.uuid);
  const recipient = recipientUuid === undefined ? undefined : state.participants.get(recipientUuid);
  if (recipient === undefined) return 'unknown';
  const { uuid: messageUuid, groupUuid, text, createdAt, sender } = message;
  return { groupUuid, messageUuid, text, createdAt, sender, recipient };
};

/** True when each member's newest row is the row of `last`. */
const rowsShow = (state: GroupState, last: LastMessage): boolean => {
  const stale = new Set(staleInboxRows(state.rows));
  const current = new Set(state.rows.filter((row) => !stale.has(row)).map((row) => `${row.pk}|${row.sk}`));
  return inboxRowsFor(last).every((item) => {
    const key = keyOf(item);
    return key !== null && current.has(`${key.pk}|${key.sk}`);
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
  const table: MessagesTable = { client, name: tableName };
  const report = {
    groupsChecked: 0,
    groupsAdopted: 0,
    inboxesRewritten: 0,
    staleRowsDeleted: 0,
    groupsSkipped: 0,
  };
  for (const state of (await scanGroups(table)).values()) {
    report.groupsChecked += 1;
    if (state.itemMembers === null && state.rowMembers !== null) {
      if (!dryRun) await adopt(table, state.groupUuid, state.rowMembers);
      report.groupsAdopted += 1;
    }
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
    if (owner !== null && (owner !== state.marker || !rowsShow(state, owner))) {
      if (!dryRun) await writeInboxRows(table, owner);
      report.inboxesRewritten += 1;
      continue;
    }
    const stale = staleInboxRows(state.rows);
    if (!dryRun) await writeBatch(table, stale.map((key) => ({ delete: key })));
    report.staleRowsDeleted += stale.length;
  }
  return report;
};
