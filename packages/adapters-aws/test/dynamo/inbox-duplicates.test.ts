import { randomUUID } from 'node:crypto';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { countDynamoCalls, type DynamoCallCounter, type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoHarness, dynamoHarness } from './harness.js';
import { crashedReply } from './scenarios.js';

/** What the inbox reader does with the duplicate row a send killed between put and delete leaves. */
describe('an inbox holding a leftover row', () => {
  let engine: DynamoEngine;
  let harness: DynamoHarness;
  let calls: DynamoCallCounter;

  beforeAll(async () => {
    engine = await startDynalite();
    harness = await dynamoHarness(engine.endpoint, {
      prepare: (client) => {
        calls = countDynamoCalls(client);
      },
    });
  });
  afterAll(async () => {
    await engine.stop();
  });

  /** a's inbox, newest first: X@20 (current), X@10 (leftover), then four older groups. */
  const inboxWithLeftover = async () => {
    const { a, groupUuid } = await crashedReply(harness, 4);
    const older: string[] = [];
    for (let i = 4; i >= 1; i--) {
      const other = aParticipant();
      const g = await harness.conversations.openGroup([a.uuid, other.uuid], randomUUID());
      await harness.conversations.append(aMessage(g, other, a, { sentAt: anInstant(i) }));
      older.push(g);
    }
    expect(await harness.backdoor.storedInboxRows(a.uuid)).toHaveLength(6);
    return { owner: a, expected: [groupUuid, ...older] };
  };

  it('keeps the page full after dropping the duplicate, with one more query', async () => {
    const { owner, expected } = await inboxWithLeftover();
    calls.reset();
    const page = await harness.conversations.listInbox(owner.uuid, { limit: 3, cursor: null });
    expect(page.items.map((e) => e.groupUuid)).toEqual(expected.slice(0, 3));
    expect(page.items[0]?.lastMessage).toBe('second');
    expect(calls.total()).toBe(2);
    const rest = await harness.conversations.listInbox(owner.uuid, { limit: 3, cursor: page.nextCursor });
    expect(rest).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(rest.items.map((e) => e.groupUuid)).toEqual(expected.slice(3));
  });

  it('shows every group once in a page that holds both rows', async () => {
    const { owner, expected } = await inboxWithLeftover();
    const page = await harness.conversations.listInbox(owner.uuid, { limit: 10, cursor: null });
    expect(page.items.map((e) => e.groupUuid)).toEqual(expected);
  });
});
