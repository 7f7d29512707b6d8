import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { ConditionalCheckFailedException, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError } from '@cruddur/core';
import { countDynamoCalls, type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transportOf } from '../../src/dynamo/direct-transport.js';
import { createDynamoDocumentClient, ensureMessagesTable } from '../../src/dynamo/index.js';
import { MessagesTable } from '../../src/dynamo/messages-table.js';
import { serviceError } from '../../src/dynamo/service-errors.js';

/**
 * MessagesTable on a client from createDynamoDocumentClient talks to DynamoDB through the direct
 * transport; the same calls through the SDK (client.send) must read and write the same items and
 * fail with the same errors.
 */
describe('the direct transport behind MessagesTable', () => {
  let engine: DynamoEngine;
  const tableName = `direct-${randomUUID()}`;
  beforeAll(async () => {
    engine = await startDynalite();
    await ensureMessagesTable(
      createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint }),
      tableName,
    );
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('writes what the SDK reads and reads what the SDK wrote, numbers, lists, maps and optional fields included', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const table = new MessagesTable(client, tableName);
    const item = {
      pk: `T#${randomUUID()}`,
      sk: 'é ✓ 2026',
      n: 42,
      ttl: 1_790_000_000,
      list: ['a', 1],
      map: { x: 'y' },
      gone: undefined,
    };
    await table.put({ Item: item });
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
    const { gone: _gone, ...stored } = item;
    expect(Item).toEqual(stored);
    const other = { pk: item.pk, sk: 'second', flag: true };
    await client.send(new PutCommand({ TableName: tableName, Item: other }));
    const page = await table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': item.pk },
      Limit: 1,
    });
    expect(page.Items).toEqual([other]);
    expect(page.LastEvaluatedKey).toEqual({ pk: item.pk, sk: 'second' });
    const rest = await table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': item.pk },
      ExclusiveStartKey: page.LastEvaluatedKey,
    });
    expect(rest.Items).toEqual([stored]);
  });

  it("fails a condition with the SDK's own ConditionalCheckFailedException, as the SDK path does", async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const table = new MessagesTable(client, tableName);
    const key = { pk: `T#${randomUUID()}`, sk: 'x' };
    await table.put({ Item: { ...key, v: 1 } });
    const input = { Item: { ...key, v: 2 }, ConditionExpression: 'attribute_not_exists(pk)' } as const;
    const ours = await table.put(input).catch((error: unknown) => error);
    const sdks = await client
      .send(new PutCommand({ ...input, TableName: tableName }))
      .catch((error: Error) => error);
    expect(ours).toBeInstanceOf(ConditionalCheckFailedException);
    expect(sdks).toBeInstanceOf(ConditionalCheckFailedException);
    expect(ours).toMatchObject({
      name: (sdks as Error).name,
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('keeps the stored item DynamoDB returns with a failed condition in wire form, where the SDK keeps it', () => {
    const error = serviceError(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      message: 'The conditional request failed',
      Item: { v: { N: '1' } },
    });
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error).toMatchObject({ message: 'The conditional request failed', Item: { v: { N: '1' } } });
  });

  it('leaves a bad request (a validation error) as the service exception it is, not a 503', async () => {
    const table = new MessagesTable(
      createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint }),
      tableName,
    );
    const failure = await table.get({ Key: { pk: 'only half a key' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DynamoDBServiceException);
    expect(failure).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });

  it('is counted once per call by middleware on the client, like the SDK path', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const calls = countDynamoCalls(client);
    const table = new MessagesTable(client, tableName);
    await table.get({ Key: { pk: 'none', sk: 'none' } });
    await table.writeBatch([
      { put: { pk: `T#${randomUUID()}`, sk: 'a' } },
      { delete: { pk: 'none', sk: 'none' } },
    ]);
    expect(calls.byCommand()).toEqual({ GetItemCommand: 1, BatchWriteItemCommand: 1 });
  });

  it('retries 5xx answers with backoff, then gives a 503 with the error as cause', async () => {
    let requests = 0;
    const failing = createServer((socket) => {
      socket.once('data', () => {
        requests += 1;
        const body = JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'boom',
        });
        socket.end(
          `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = failing.address() as AddressInfo;
      const table = new MessagesTable(
        createDynamoDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${port}`, maxAttempts: 3 }),
        tableName,
      );
      const failure = await table.get({ Key: { pk: 'a', sk: 'b' } }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DependencyUnavailableError);
      expect((failure as Error).cause).toMatchObject({ name: 'InternalServerError', $fault: 'server' });
      expect(requests).toBe(3);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it('is used only where it calls what the SDK would: otherwise every call stays on the SDK', () => {
    const made = (region: string, endpoint?: string) =>
      transportOf(
        createDynamoDocumentClient({
          region,
          endpoint,
          credentials: { accessKeyId: 'k', secretAccessKey: 's' },
        }),
      );
    expect(made('local', engine.endpoint)).toBeDefined();
    expect(made('eu-west-1')).toBeDefined();
    expect(made('ap-southeast-2')).toBeDefined();
    expect(made('cn-north-1')).toBeUndefined();
    expect(made('us-gov-west-1')).toBeUndefined();
    const saved = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = 'http://127.0.0.1:1';
    try {
      expect(made('eu-west-1')).toBeUndefined();
      expect(made('eu-west-1', engine.endpoint)).toBeDefined();
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
      else process.env.AWS_ENDPOINT_URL_DYNAMODB = saved;
    }
  });
});
