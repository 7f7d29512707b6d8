import type { InboxEntry, Message, Participant } from '@cruddur/core';
import type { MessageGroupJson } from '../schemas/message-groups.js';
import type { CreatedMessageJson, MessageJson } from '../schemas/messages.js';

/** Domain objects → the original frontend's snake_case JSON (design §5). */

export const messageGroupJson = (entry: InboxEntry): MessageGroupJson => ({
  uuid: entry.groupUuid,
  display_name: entry.otherUser.displayName,
  handle: entry.otherUser.handle,
  message: entry.lastMessage,
  created_at: entry.lastMessageAt,
});

export const messageJson = (message: Message): MessageJson => ({
  uuid: message.uuid,
  display_name: message.sender.displayName,
  handle: message.sender.handle,
  message: message.text,
  created_at: message.createdAt,
});

export const createdMessageJson = (message: Message): CreatedMessageJson => ({
  message_group_uuid: message.groupUuid,
  ...messageJson(message),
});

export const userShortJson = (user: Participant, withUuid: boolean) =>
  withUuid
    ? { uuid: user.uuid, handle: user.handle, display_name: user.displayName }
    : { handle: user.handle, display_name: user.displayName };
