import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { anInstant, runSendReceiptsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDynamoDocumentClient,
  DynamoSendReceipts,
  ensureMessagesTable,
  inboxPartition,
  MESSAGE_GROUP_INDEX,
  receiptKey,
} from '../../src/dynamo/index.js';
import { type DynamoEngine, dynamoDbLocalRunnable, startDynalite, startDynamoDbLocal } from '../../src/engines/index.js';

/** A fresh table on the engine and receipts over it. */
const receiptsOn = async (engine: DynamoEngine) => {
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const tableName = `receipts-${randomUUID()}`;
  await ensureMessagesTable(client, tableName);
  return { client, tableName, receipts: new DynamoSendReceipts({ client, tableName }) };
};

describe('on dynalite', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(() => engine.stop());

  runSendReceiptsContract('DynamoSendReceipts on dynalite', async () => (await receiptsOn(engine)).receipts);

  it('stores a receipt under IDEM#<sender>, out of the group index, with a TTL in epoch seconds', async () => {
    const { client, tableName, receipts } = await receiptsOn(engine);
    const sender = randomUUID();
    const receipt = { fingerprint: 'f', messageUuid: randomUUID(), groupUuid: randomUUID(), sentAt: anInstant() };
    await receipts.claim({ senderUuid: sender, key: 'k', receipt, now: anInstant(), expiresAt: anInstant(86_400, 1) });

    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: receiptKey(sender, 'k') }));
    expect(Item).toMatchObject({ pk: `IDEM#${sender}`, sk: 'k', message_uuid: receipt.messageUuid });
    // Rounded up: DynamoDB's sweep must never remove a receipt that is still live.
    expect(Item?.ttl).toBe(Date.UTC(2026, 0, 2) / 1000 + 1);
    expect(Item).not.toHaveProperty('message_group_uuid');
    const { Items: indexed = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: MESSAGE_GROUP_INDEX,
        KeyConditionExpression: 'message_group_uuid = :g',
        ExpressionAttributeValues: { ':g': receipt.groupUuid },
      }),
    );
    expect(indexed).toEqual([]);
    // The original's inbox query for the sender (pk = GRP#<user>) does not see it either.
    const { Items: inbox = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': inboxPartition(sender) },
      }),
    );
    expect(inbox).toEqual([]);
  });
});

describe.runIf(dynamoDbLocalRunnable())('on DynamoDB Local', () => {
  let engine: DynamoEngine | undefined;
  beforeAll(async () => {
    engine = await startDynamoDbLocal();
  });
  afterAll(() => engine?.stop());

  runSendReceiptsContract('DynamoSendReceipts on DynamoDB Local', async () => {
    if (engine === undefined) throw new Error('DynamoDB Local did not start');
    return (await receiptsOn(engine)).receipts;
  });
});
