import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Message, Participant } from '@cruddur/core';
import { dynamoCall, isConditionalCheckFailed } from './errors.js';
import { inboxRowsFor, type LastMessage, participantMap, readLastMessage } from './group-item.js';
import { putInboxRow } from './inbox-row.js';
import { groupKey, type ItemKey, MESSAGE_GROUP_INDEX } from './keys.js';
import { type MessagesTable, writeBatch } from './messages-table.js';
import { keyOf } from './rows.js';
import { staleInboxRows } from './stale-rows.js';

/**
 * Step 2: move the group's forward-only marker to this message. The condition lets it move
 * only to a later message, so an older send can never take the inbox rows back from a newer
 * one; `last_sk = :sk AND last_message_uuid = :uuid` lets a retry of the same send re-claim.
 * `if_not_exists(members)` also restores membership if a crashed `openGroup` left it unwritten.
 * Returns false when a newer message already owns the rows.
 */
export const claimInbox = async (table: MessagesTable, last: LastMessage): Promise<boolean> => {
  try {
    await dynamoCall(() =>
      table.client.send(
        new UpdateCommand({
          TableName: table.name,
          Key: groupKey(last.groupUuid),
          UpdateExpression:
            'SET members = if_not_exists(members, :members), last_sk = :sk, last_message_uuid = :uuid, ' +
            'last_message = :text, last_sender = :sender, last_recipient = :recipient',
          ConditionExpression:
            'attribute_not_exists(last_sk) OR last_sk < :sk OR (last_sk = :sk AND last_message_uuid = :uuid)',
          ExpressionAttributeValues: {
            ':members': [last.sender.uuid, last.recipient.uuid],
            ':sk': last.createdAt,
            ':uuid': last.messageUuid,
            ':text': last.text,
            ':sender': participantMap(last.sender),
            ':recipient': participantMap(last.recipient),
          },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
};

export const readMarker = async (table: MessagesTable, groupUuid: string): Promise<LastMessage | null> => {
  const { Item } = await dynamoCall(() =>
    table.client.send(
      new GetCommand({ TableName: table.name, Key: groupKey(groupUuid), ConsistentRead: true }),
    ),
  );
  return readLastMessage(groupUuid, Item);
};

/** Every inbox row of the group, in any owner's partition (the index holds only inbox rows). */
const groupInboxRows = async (table: MessagesTable, groupUuid: string): Promise<ItemKey[]> => {
  const rows: ItemKey[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoCall(() =>
      table.client.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: MESSAGE_GROUP_INDEX,
          KeyConditionExpression: 'message_group_uuid = :g',
          ExpressionAttributeValues: { ':g': groupUuid },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    rows.push(...(page.Items ?? []).flatMap((item) => keyOf(item) ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return rows;
};

/**
 * Steps 3–5: put both members' rows, read the group index, delete what they replace. Put
 * first, so a crash in between leaves a duplicate (readers drop it), never a missing row.
 * The index is read *after* our puts: of two sends racing here, at least one sees the
 * other's rows, and the newest row per owner is never deleted, so the race always ends with
 * one row each.
 */
export const writeInboxRows = async (table: MessagesTable, last: LastMessage): Promise<void> => {
  // Both rows at once (one round trip); each put is conditional, so no batch. Both settle
  // before the send goes on or fails, so no write of it is left in flight.
  const puts = await Promise.allSettled(inboxRowsFor(last).map((row) => putInboxRow(table, row)));
  for (const put of puts) if (put.status === 'rejected') throw put.reason;
  const stale = staleInboxRows(await groupInboxRows(table, last.groupUuid));
  await writeBatch(
    table,
    stale.map((key) => ({ delete: key })),
  );
};

/**
 * Steps 2–5 of a send. A send that loses the marker still writes the rows of the message
 * that owns it: that finishes the work of a newer send that crashed after claiming.
 */
export const syncInbox = async (
  table: MessagesTable,
  message: Message,
  recipient: Participant,
): Promise<void> => {
  const mine: LastMessage = {
    groupUuid: message.groupUuid,
    messageUuid: message.uuid,
    text: message.text,
    createdAt: message.createdAt,
    sender: message.sender,
    recipient,
  };
  const owner = (await claimInbox(table, mine)) ? mine : await readMarker(table, message.groupUuid);
  if (owner !== null) await writeInboxRows(table, owner);
};
