import { randomUUID } from 'node:crypto';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { runReadMarkersContract } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxPartition, MESSAGE_GROUP_INDEX } from '../../src/dynamo/index.js';
import { readMarkersOn } from './read-markers-harness.js';

// The DynamoDB Local run of the contract is in dynamodb-local.test.ts, whose engine is already up.
describe('read markers on dynalite', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(() => engine.stop());

  runReadMarkersContract('DynamoReadMarkers on dynalite', () => readMarkersOn(engine.endpoint));

  it('keeps markers in READ#<owner> partitions, out of the group index and the inbox', async () => {
    const { client, tableName, readMarkers } = await readMarkersOn(engine.endpoint);
    const [owner, group] = [randomUUID(), randomUUID()];
    await readMarkers.advance(owner, group, '2026-01-01T00:00:00.000001+00:00');
    const { Items = [] } = await client.send(new ScanCommand({ TableName: tableName }));
    expect(Items).toEqual([{ pk: `READ#${owner}`, sk: group, last_read_at: '2026-01-01T00:00:00.000001+00:00' }]);
    for (const query of [
      { IndexName: MESSAGE_GROUP_INDEX, KeyConditionExpression: 'message_group_uuid = :v', ExpressionAttributeValues: { ':v': group } },
      { KeyConditionExpression: 'pk = :v', ExpressionAttributeValues: { ':v': inboxPartition(owner) } },
    ]) {
      expect((await client.send(new QueryCommand({ TableName: tableName, ...query }))).Items).toEqual([]);
    }
  });
});
