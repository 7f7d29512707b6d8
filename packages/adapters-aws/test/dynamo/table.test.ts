import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DependencyUnavailableError } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDynamo,
  createDynamoDocumentClient,
  ensureMessagesTable,
  messagesTableDefinition,
} from '../../src/dynamo/index.js';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';

describe('the messages table definition', () => {
  it("is the original's layout, on demand by default", () => {
    const definition = messagesTableDefinition('cruddur-messages');
    expect(definition.BillingMode).toBe('PAY_PER_REQUEST');
    expect(definition.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(definition.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'message-group-sk-index',
        KeySchema: [
          { AttributeName: 'message_group_uuid', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('puts provisioned capacity on the table and its index when asked', () => {
    const definition = messagesTableDefinition('t', { billingMode: 'PROVISIONED', readCapacityUnits: 7 });
    expect(definition.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 7, WriteCapacityUnits: 5 });
    expect(definition.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 7,
      WriteCapacityUnits: 5,
    });
  });
});

describe('creating and probing the table', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('creates a missing table once, then leaves it alone', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const name = `messages-${randomUUID()}`;
    expect(await ensureMessagesTable(client, name)).toBe('created');
    expect(await ensureMessagesTable(client, name)).toBe('existed');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual([
      'message-group-sk-index',
    ]);
  });

  it('reports an active table as ready', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const name = `messages-${randomUUID()}`;
    await ensureMessagesTable(client, name);
    await expect(checkDynamo(client, name)).resolves.toBeUndefined();
  });

  it('reports a missing table as not ready', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    await expect(checkDynamo(client, `missing-${randomUUID()}`)).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });
});
