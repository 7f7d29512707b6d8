import type { Instant, Message } from '@cruddur/core';
import { instantOfSortKey, messageKey } from './keys.js';
import { type Item, participantAttributes, readParticipant, stringAttribute } from './rows.js';

/** A message row. No `message_group_uuid` here: it would put messages into the group index. */
export const messageRowItem = (message: Message): Item => ({
  ...messageKey(message.groupUuid, message.createdAt),
  message_uuid: message.uuid,
  message: message.text,
  ...participantAttributes(message.sender),
});

export const readMessageRow = (groupUuid: string, item: Item): Message | null => {
  const uuid = stringAttribute(item, 'message_uuid');
  const body = stringAttribute(item, 'message');
  const sender = readParticipant(item);
  const createdAt = instantOfSortKey(stringAttribute(item, 'sk') ?? '');
  if (uuid === null || body === null || sender === null || createdAt === null) return null;
  return { uuid, groupUuid, sender, text: body, createdAt };
};

/** Which message holds which instant: enough to find a free one, or our own earlier try. */
export interface MessageSlot {
  readonly createdAt: Instant;
  readonly messageUuid: string | null;
}

/** The projection `readMessageSlot` reads. */
export const MESSAGE_SLOT_PROJECTION = 'sk, message_uuid';

export const readMessageSlot = (item: Item): MessageSlot | null => {
  const createdAt = instantOfSortKey(stringAttribute(item, 'sk') ?? '');
  return createdAt === null ? null : { createdAt, messageUuid: stringAttribute(item, 'message_uuid') };
};
