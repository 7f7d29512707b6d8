export { createDynamoDocumentClient, type DynamoClientOptions } from './client.js';
export { DynamoConversations, type DynamoConversationsOptions } from './dynamo-conversations.js';
export { dynamoCall, isConditionalCheckFailed, translateDynamoError } from './errors.js';
export {
  groupKey,
  inboxKey,
  inboxPartition,
  inboxSortKey,
  instantOfInboxSortKey,
  type ItemKey,
  MESSAGE_GROUP_INDEX,
  messageKey,
  messagesPartition,
  pairKey,
} from './keys.js';
export {
  checkDynamo,
  DEFAULT_MESSAGES_TABLE,
  ensureMessagesTable,
  messagesTableDefinition,
  type TableDefinitionOptions,
} from './table.js';
export { type RepairOptions, type RepairReport, repair } from './repair.js';
export { inboxRowItem, messageRowItem } from './rows.js';
