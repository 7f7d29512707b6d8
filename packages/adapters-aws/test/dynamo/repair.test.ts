import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repair } from '../../src/dynamo/index.js';
import { type DynamoHarness, dynamoHarness } from './harness.js';
import { legacyWriter } from './legacy-items.js';
import { crashedReply } from './scenarios.js';

/** `ddb repair` on its own, with no later send to finish the job. */
describe('repairing the messages table', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(async () => {
    await engine.stop();
  });

  const freshTable = async () => ({ harness: await dynamoHarness(engine.endpoint) });

  const rowsOf = (harness: DynamoHarness, owner: { uuid: string }) =>
    harness.backdoor.storedInboxRows(owner.uuid);

  /** A conversation as the Flask app left it: a message row and two inbox rows, no group item. */
  const legacyConversation = async (harness: DynamoHarness) => {
    const [a, b, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
    const legacy = legacyWriter(harness);
    await legacy.messageRow(groupUuid, a, randomUUID(), 'hello from flask', '2026-02-01T08:00:00+00:00');
    await legacy.inboxRow(a.uuid, groupUuid, b, 'hello from flask', '2026-02-01T08:00:00+00:00');
    await legacy.inboxRow(b.uuid, groupUuid, a, 'hello from flask', '2026-02-01T08:00:00+00:00');
    return { a, b, groupUuid };
  };

  const everyItem = async (harness: DynamoHarness) => {
    const { Items = [] } = await harness.client.send(new ScanCommand({ TableName: harness.tableName }));
    return Items.sort((x, y) => `${x.pk}|${x.sk}`.localeCompare(`${y.pk}|${y.sk}`));
  };

  it.each([
    ['the message row', 1],
    ['the marker', 2],
    ['one of the inbox rows', 3],
    ['both inbox rows', 4],
  ])('finishes a send killed after %s', async (_, step) => {
    const { harness } = await freshTable();
    const { a, b, groupUuid } = await crashedReply(harness, step);
    await repair(harness.client, harness.tableName);
    for (const owner of [a, b]) {
      expect(await rowsOf(harness, owner)).toEqual([{ groupUuid, lastMessage: 'second' }]);
    }
  });

  it('reports what it did, and finds nothing left to do on a second run', async () => {
    const { harness } = await freshTable();
    await crashedReply(harness, 4);
    expect(await repair(harness.client, harness.tableName)).toMatchObject({
      groupsChecked: 1,
      staleRowsDeleted: 2,
    });
    expect(await repair(harness.client, harness.tableName)).toEqual({
      groupsChecked: 1,
      groupsAdopted: 0,
      inboxesRewritten: 0,
      staleRowsDeleted: 0,
      groupsSkipped: 0,
    });
  });

  it('adopts a conversation the original created, so the pair finds it in one read', async () => {
    const { harness } = await freshTable();
    const { a, b, groupUuid } = await legacyConversation(harness);
    expect(await repair(harness.client, harness.tableName)).toMatchObject({ groupsAdopted: 1 });
    expect(await harness.conversations.findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
    await harness.conversations.append(
      aMessage(groupUuid, b, a, { text: 'reply', sentAt: anInstant(3600 * 24 * 60) }),
    );
    for (const owner of [a, b]) {
      expect(await rowsOf(harness, owner)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
    }
  });

  it.each([
    ['a send killed after its message row', 1],
    ['a send killed after the marker', 2],
    ['a send killed before deleting the old rows', 4],
    ['a conversation only the original wrote', null],
  ] as const)('with dryRun, writes nothing and counts what a real run then does: %s', async (_, step) => {
    const { harness } = await freshTable();
    if (step === null) await legacyConversation(harness);
    else await crashedReply(harness, step);
    const before = await everyItem(harness);
    const planned = await repair(harness.client, harness.tableName, { dryRun: true });
    expect(await everyItem(harness)).toEqual(before);
    expect(planned).not.toMatchObject({ groupsAdopted: 0, inboxesRewritten: 0, staleRowsDeleted: 0 });
    expect(await repair(harness.client, harness.tableName)).toEqual(planned);
  });
});
