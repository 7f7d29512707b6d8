import type { GroupMembers, Instant, Participant } from '@cruddur/core';
import type { InboxRow } from './inbox-row.js';
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

/** Both members' inbox rows for the group's last message: each shows the *other* member. */
export const inboxRowsFor = (last: LastMessage): [InboxRow, InboxRow] => {
  const { groupUuid, text, createdAt: at } = last;
  return [
    { ownerUuid: last.sender.uuid, other: last.recipient, groupUuid, text, at },
    { ownerUuid: last.recipient.uuid, other: last.sender, groupUuid, text, at },
  ];
};

/** Participants are nested as maps on the group item, with the original's field spelling. */
export const participantMap = (p: Participant): Item => ({
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
