import { randomUUID } from 'node:crypto';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repair } from '../../src/dynamo/index.js';
import { crashes } from './client-hooks.js';
import { type DynamoEngine, startDynalite } from '../../src/engines/index.js';
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

  const freshTable = async () => {
    let crash: ReturnType<typeof crashes> | undefined;
    const harness = await dynamoHarness(engine.endpoint, {
      prepare: (client) => {
        crash = crashes(client);
      },
    });
    if (crash === undefined) throw new Error('crash hooks not installed');
    return { harness, crash };
  };

  const rowsOf = (harness: DynamoHarness, owner: { uuid: string }) =>
    harness.backdoor.storedInboxRows(owner.uuid);

  it.each([
    ['the message row', 1, false],
    ['the marker', 2, false],
    ['one of the inbox rows', 3, true],
    ['both inbox rows', 3, false],
  ])('finishes a send killed after %s', async (_, step, half) => {
    const { harness, crash } = await freshTable();
    const { a, b, groupUuid } = await crashedReply(harness, crash, step, half);
    await repair(harness.client, harness.tableName);
    for (const owner of [a, b]) {
      expect(await rowsOf(harness, owner)).toEqual([{ groupUuid, lastMessage: 'second' }]);
    }
  });

  it('reports what it did, and finds nothing left to do on a second run', async () => {
    const { harness, crash } = await freshTable();
    await crashedReply(harness, crash, 3);
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

  it('adopts a conversation the original created, so the pair finds it again', async () => {
    const { harness } = await freshTable();
    const [a, b, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
    const legacy = legacyWriter(harness);
    await legacy.messageRow(groupUuid, a, randomUUID(), 'hello from flask', '2026-02-01T08:00:00+00:00');
    await legacy.inboxRow(a.uuid, groupUuid, b, 'hello from flask', '2026-02-01T08:00:00+00:00');
    await legacy.inboxRow(b.uuid, groupUuid, a, 'hello from flask', '2026-02-01T08:00:00+00:00');
    expect(await harness.conversations.findGroupByPair(a.uuid, b.uuid)).toBeNull();
    expect(await repair(harness.client, harness.tableName)).toMatchObject({ groupsAdopted: 1 });
    expect(await harness.conversations.findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
    await harness.conversations.append(
      aMessage(groupUuid, b, a, { text: 'reply', sentAt: anInstant(3600 * 24 * 60) }),
    );
    for (const owner of [a, b]) {
      expect(await rowsOf(harness, owner)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
    }
  });
});
