export { createDynamoDocumentClient, type DynamoClientOptions } from './client.js';
export { DynamoConversations, type DynamoConversationsOptions } from './dynamo-conversations.js';
export { DynamoReadMarkers, type DynamoReadMarkersOptions } from './dynamo-read-markers.js';
export { DynamoSendReceipts, type DynamoSendReceiptsOptions } from './dynamo-send-receipts.js';
export { dynamoCall, isConditionalCheckFailed, translateDynamoError } from './errors.js';
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
export { type BulkLoad, type BulkLoadOptions, bulkLoad } from './bulk-load.js';
export { type RepairOptions, type RepairReport, repair } from './repair.js';
export { scanPages } from './scan-pages.js';
export {
  checkDynamo,
  DEFAULT_MESSAGES_TABLE,
  ensureMessagesTable,
  messagesTableDefinition,
  type TableDefinitionOptions,
} from './table.js';
export { RECEIPT_TTL_ATTRIBUTE, receiptKey } from './send-receipt-item.js';
export { readMarkerKey } from './read-marker-item.js';
