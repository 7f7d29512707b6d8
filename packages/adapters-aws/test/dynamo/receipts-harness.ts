import { randomUUID } from 'node:crypto';
import { createDynamoDocumentClient, DynamoSendReceipts, ensureMessagesTable } from '../../src/dynamo/index.js';

/** A fresh messages table on the engine and send receipts over it. */
export const receiptsOn = async (endpoint: string) => {
  const client = createDynamoDocumentClient({ region: 'local', endpoint });
  const tableName = `receipts-${randomUUID()}`;
  await ensureMessagesTable(client, tableName);
  return { client, tableName, receipts: new DynamoSendReceipts({ client, tableName }) };
};
