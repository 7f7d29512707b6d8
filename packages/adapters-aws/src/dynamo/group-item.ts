import type { GroupMembers, Instant, Participant } from '@cruddur/core';
import { isConditionalCheckFailed } from './errors.js';
import { groupKey } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { type Item, stringAttribute } from './rows.js';

/**
 * The message that owns a group's inbox rows: what the forward-only marker on the group
 * item records. Both members' rows of a group always show this same message.
 */
export interface LastMessage {
  readonly groupUuid: string;
  readonly messageUuid: string;
  readonly text: string;
  readonly createdAt: Instant;
  readonly sender: Participant;
  readonly recipient: Participant;
}

/** Participants are nested as maps on the group item, with the original's field spelling. */
const participantMap = (p: Participant): Item => ({
  uuid: p.uuid,
  handle: p.handle,
  display_name: p.displayName,
});

const readParticipantMap = (value: unknown): Participant | null => {
  if (typeof value !== 'object' || value === null) return null;
  const map = value as Item;
  const uuid = stringAttribute(map, 'uuid');
  const handle = stringAttribute(map, 'handle');
  const displayName = stringAttribute(map, 'display_name');
  return uuid !== null && handle !== null && displayName !== null ? { uuid, handle, displayName } : null;
};

export const readMembers = (item: Item | undefined): GroupMembers | null => {
  const members = item?.members;
  if (!Array.isArray(members) || members.length !== 2) return null;
  const [first, second] = members as unknown[];
  return typeof first === 'string' && typeof second === 'string' ? [first, second] : null;
};

/** The marker of a group item, or null when no send has claimed it yet. */
export const readLastMessage = (groupUuid: string, item: Item | undefined): LastMessage | null => {
  if (item === undefined) return null;
  const createdAt = stringAttribute(item, 'last_sk');
  const messageUuid = stringAttribute(item, 'last_message_uuid');
  const text = stringAttribute(item, 'last_message');
  const sender = readParticipantMap(item.last_sender);
  const recipient = readParticipantMap(item.last_recipient);
  if (createdAt === null || messageUuid === null || text === null || sender === null || recipient === null) {
    return null;
  }
  return { groupUuid, messageUuid, text, createdAt, sender, recipient };
};

/** The group item's membership; `if_not_exists` because membership is immutable once written. */
export const recordMembers = async (table: MessagesTable, groupUuid: string, members: GroupMembers) => {
  await table.update({
    Key: groupKey(groupUuid),
    UpdateExpression: 'SET members = if_not_exists(members, :members)',
    ExpressionAttributeValues: { ':members': [...members] },
  });
};

/**
 * Step 2: move the group's forward-only marker to this message. The condition lets it move
 * only to a later message, so an older send can never take the inbox rows back from a newer
 * one; `last_sk = :sk AND last_message_uuid = :uuid` lets a retry of the same send re-claim.
 * `if_not_exists(members)` also restores membership if a crashed `openGroup` left it unwritten.
 * Returns false when a newer message already owns the rows.
 */
export const claimInbox = async (table: MessagesTable, last: LastMessage): Promise<boolean> => {
  try {
    await table.update({
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
    });
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
};

export const readMarker = async (table: MessagesTable, groupUuid: string): Promise<LastMessage | null> => {
  const { Item } = await table.get({ Key: groupKey(groupUuid), ConsistentRead: true });
  return readLastMessage(groupUuid, Item);
};
