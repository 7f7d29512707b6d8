import type { createDynamoDocumentClient } from '@cruddur/adapters-aws/dynamo';

export type DocumentClient = ReturnType<typeof createDynamoDocumentClient>;

/** The DynamoDB messages table as the adapters and tools take it: one client and the table's name. */
export interface MessagesTableRef {
  readonly client: DocumentClient;
  readonly tableName: string;
}
