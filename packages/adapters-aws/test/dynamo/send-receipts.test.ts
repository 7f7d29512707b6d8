import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { anInstant, runSendReceiptsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxPartition, MESSAGE_GROUP_INDEX, receiptKey } from '../../src/dynamo/index.js';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { receiptsOn } from './receipts-harness.js';

// The DynamoDB Local run of the contract is in dynamodb-local.test.ts, whose engine is already up.
describe('on dynalite', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(() => engine.stop());

  runSendReceiptsContract('DynamoSendReceipts on dynalite', async () => (await receiptsOn(engine.endpoint)).receipts);

  it('stores a receipt under IDEM#<sender>, out of the group index, with a TTL in epoch seconds', async () => {
    const { client, tableName, receipts } = await receiptsOn(engine.endpoint);
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
