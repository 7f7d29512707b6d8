import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError } from '@cruddur/core';
import { dynamoCall, RETRY_AFTER } from './errors.js';
import { INBOX_GROUP } from './inbox-row.js';
import { MESSAGE_GROUP_INDEX } from './keys.js';

export const DEFAULT_MESSAGES_TABLE = 'cruddur-messages';

export interface TableDefinitionOptions {
  /** On-demand by default; `PROVISIONED` uses the capacities below on table and index. */
  readonly billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly readCapacityUnits?: number;
  readonly writeCapacityUnits?: number;
}

/** The original's table: `pk`/`sk` strings plus the group index over inbox rows. */
export const messagesTableDefinition = (
  tableName: string,
  {
    billingMode = 'PAY_PER_REQUEST',
    readCapacityUnits = 5,
    writeCapacityUnits = 5,
  }: TableDefinitionOptions = {},
): CreateTableCommandInput => {
  const throughput =
    billingMode === 'PROVISIONED'
      ? {
          ProvisionedThroughput: {
            ReadCapacityUnits: readCapacityUnits,
            WriteCapacityUnits: writeCapacityUnits,
          },
        }
      : {};
  return {
    TableName: tableName,
    BillingMode: billingMode,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: INBOX_GROUP, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: MESSAGE_GROUP_INDEX,
        KeySchema: [
          { AttributeName: INBOX_GROUP, KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
        ...throughput,
      },
    ],
    ...throughput,
  };
};

const isActive = (table: TableDescription | undefined): boolean =>
  table?.TableStatus === 'ACTIVE' &&
  (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');

const describe = async (client: DynamoDBDocumentClient, tableName: string) => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
};

/** Creates the table if it is missing and waits until it and its index are active. */
export const ensureMessagesTable = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { timeoutMs = 60_000, ...definition }: TableDefinitionOptions & { readonly timeoutMs?: number } = {},
): Promise<'created' | 'existed'> => {
  let outcome: 'created' | 'existed' = 'existed';
  if ((await dynamoCall(() => describe(client, tableName))) === undefined) {
    try {
      await dynamoCall(() =>
        client.send(new CreateTableCommand(messagesTableDefinition(tableName, definition))),
      );
      outcome = 'created';
    } catch (error) {
      // Another process created it between our describe and create: fine, wait for it.
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (!isActive(await dynamoCall(() => describe(client, tableName)))) {
    if (Date.now() > deadline) throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.tableMissing);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return outcome;
};

/** Readiness probe: resolves when the table is active, else DependencyUnavailableError. */
export const checkDynamo = async (client: DynamoDBDocumentClient, tableName: string): Promise<void> => {
  const table = await dynamoCall(() => describe(client, tableName));
  if (!isActive(table)) {
    throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.tableMissing);
  }
};
