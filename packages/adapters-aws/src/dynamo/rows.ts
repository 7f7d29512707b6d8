import type { Message, Participant } from '@cruddur/core';
import { instantOfSortKey, messageKey } from './keys.js';

/** An item as the DocumentClient returns it: attribute name → plain JS value. */
export type Item = Record<string, unknown>;

const text = (item: Item, name: string): string | null => {
  const value = item[name];
  return typeof value === 'string' ? value : null;
};

/** Attribute names of the original layout (design §6): shared by inbox and message rows. */
export const participantAttributes = (participant: Participant): Item => ({
  user_uuid: participant.uuid,
  user_display_name: participant.displayName,
  user_handle: participant.handle,
});

export const readParticipant = (item: Item): Participant | null => {
  const uuid = text(item, 'user_uuid');
  const handle = text(item, 'user_handle');
  const displayName = text(item, 'user_display_name');
  return uuid !== null && handle !== null && displayName !== null ? { uuid, handle, displayName } : null;
};

/** A message row. No `message_group_uuid` here: it would put messages into the group index. */
export const messageRowItem = (message: Message): Item => ({
  ...messageKey(message.groupUuid, message.createdAt),
  message_uuid: message.uuid,
  message: message.text,
  ...participantAttributes(message.sender),
});

export const readMessageRow = (groupUuid: string, item: Item): Message | null => {
  const sk = text(item, 'sk');
  const uuid = text(item, 'message_uuid');
  const body = text(item, 'message');
  const sender = readParticipant(item);
  const createdAt = sk === null ? null : instantOfSortKey(sk);
  if (uuid === null || body === null || sender === null || createdAt === null) return null;
  return { uuid, groupUuid, sender, text: body, createdAt };
};

/** The primary key of any item, for cursors and deletes. */
export const keyOf = (item: Item): { pk: string; sk: string } | null => {
  const pk = text(item, 'pk');
  const sk = text(item, 'sk');
  return pk !== null && sk !== null ? { pk, sk } : null;
};

export { text as stringAttribute };
