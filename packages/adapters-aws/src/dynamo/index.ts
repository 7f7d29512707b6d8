export { createDynamoDocumentClient, type DynamoClientOptions } from './client.js';
export { DynamoConversations, type DynamoConversationsOptions } from './dynamo-conversations.js';
export { dynamoCall, isConditionalCheckFailed, translateDynamoError } from './errors.js';
export { type InboxRow, inboxRowItem } from './inbox-row.js';
export {
  groupKey,
  type ItemKey,
  inboxKey,
  inboxPartition,
  inboxSortKey,
  instantOfInboxSortKey,
  MESSAGE_GROUP_INDEX,
  messageKey,
  messagesPartition,
  pairKey,
} from './keys.js';
export { type RepairOptions, type RepairReport, repair } from './repair.js';
export { messageRowItem } from './rows.js';
export {
  checkDynamo,
  DEFAULT_MESSAGES_TABLE,
  ensureMessagesTable,
  messagesTableDefinition,
  type TableDefinitionOptions,
} from './table.js';
