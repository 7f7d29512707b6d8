import type { InboxEntryWithReadState, Message, Participant, ReadMarkerMoved, ReadState } from '@cruddur/core';
import type { MessageGroupJson, ReadStateJson } from '../schemas/message-groups.js';
import type { CreatedMessageJson, MessageJson } from '../schemas/messages.js';

/** Domain objects → the original frontend's snake_case JSON (design §5). */

export const messageGroupJson = (entry: InboxEntryWithReadState): MessageGroupJson => ({
  uuid: entry.groupUuid,
  display_name: entry.otherUser.displayName,
  handle: entry.otherUser.handle,
  message: entry.lastMessage,
  created_at: entry.lastMessageAt,
  unread_count: entry.unreadCount,
  last_read_at: entry.lastReadAt,
});

export const readStateJson = (state: ReadState): ReadStateJson => ({
  message_group_uuid: state.groupUuid,
  last_read_at: state.lastReadAt,
  unread_count: state.unreadCount,
});

/** The `data` of a `read` event. */
export const readEventJson = (read: ReadMarkerMoved) => ({
  message_group_uuid: read.groupUuid,
  handle: read.reader.handle,
  last_read_at: read.lastReadAt,
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
