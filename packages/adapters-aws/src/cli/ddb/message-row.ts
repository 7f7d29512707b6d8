import type { Message } from '@cruddur/core';
import { messageKey } from '../../dynamo/index.js';
import type { Item } from './pages.js';

/**
 * The message row DynamoConversations.append writes (design §6), for bulk seeding. The dynamo
 * module does not export its row builder, so the attributes are spelled here; the key comes
 * from its key builder, and test/cli/seed.test.ts proves a seeded table equals one written
 * message by message through the adapter.
 */
export const messageRow = (message: Message): Item => ({
  ...messageKey(message.groupUuid, message.createdAt),
  message_uuid: message.uuid,
  message: message.text,
  user_uuid: message.sender.uuid,
  user_display_name: message.sender.displayName,
  user_handle: message.sender.handle,
});
