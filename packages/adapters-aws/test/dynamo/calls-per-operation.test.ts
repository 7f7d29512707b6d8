import { randomUUID } from 'node:crypto';
import { MessageGroupNotFoundError } from '@cruddur/core';
import { DynamoConversations } from '../../src/dynamo/index.js';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { countDynamoCalls, type DynamoCallCounter, type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoHarness, dynamoHarness } from './harness.js';

/** Round trips per operation (design §11), counted at the client. */
describe('DynamoDB calls per operation', () => {
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

  const conversationWithHistory = async () => {
    const [a, b] = [aParticipant(), aParticipant()];
    const groupUuid = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
    for (let i = 0; i < 10; i++) {
      await harness.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(i) }));
    }
    await harness.conversations.drain();
    return { a, b, groupUuid };
  };

  it('opens a group in 2 calls', async () => {
    calls.reset();
    await harness.conversations.openGroup([randomUUID(), randomUUID()], randomUUID());
    expect(calls.total()).toBe(2);
  });

  it('sends the first message of a group in 5 calls (nothing to delete)', async () => {
    const [a, b] = [aParticipant(), aParticipant()];
    const groupUuid = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
    await harness.conversations.drain();
    calls.reset();
    await harness.conversations.append(aMessage(groupUuid, a, b));
    await harness.conversations.drain();
    expect(calls.byCommand()).toEqual({
      PutItemCommand: 3,
      UpdateItemCommand: 1,
      QueryCommand: 1,
    });
  });

  it('sends a reply in 6 calls, within the budget of 6', async () => {
    const { a, b, groupUuid } = await conversationWithHistory();
    await harness.conversations.drain();
    calls.reset();
    await harness.conversations.append(aMessage(groupUuid, b, a, { sentAt: anInstant(100) }));
    await harness.conversations.drain();
    expect(calls.byCommand()).toEqual({
      PutItemCommand: 3,
      UpdateItemCommand: 1,
      BatchWriteItemCommand: 1,
      QueryCommand: 1,
    });
  });

  it("refuses an outsider's send into a known group without a call", async () => {
    const { a, groupUuid } = await conversationWithHistory();
    calls.reset();
    await expect(harness.conversations.append(aMessage(groupUuid, aParticipant(), a))).rejects.toBeInstanceOf(
      MessageGroupNotFoundError,
    );
    expect(calls.total()).toBe(0);
  });

  it('checks the sender of a send into a pair found by pair on another host without a call', async () => {
    const { a, b } = await conversationWithHistory();
    // Another host: its caches start empty; create-by-handle finds the pair's group, then sends.
    const other = new DynamoConversations({ client: harness.client, tableName: harness.tableName });
    calls.reset();
    const groupUuid = await other.findGroupByPair(a.uuid, b.uuid);
    expect(calls.byCommand()).toEqual({ GetItemCommand: 1 });
    calls.reset();
    await other.append(aMessage(groupUuid ?? '', a, b, { sentAt: anInstant(200) }));
    await other.close();
    expect(calls.byCommand()).toEqual({
      PutItemCommand: 3,
      UpdateItemCommand: 1,
      BatchWriteItemCommand: 1,
      QueryCommand: 1,
    });
  });

  it('lists an inbox page in 1 call', async () => {
    const { a } = await conversationWithHistory();
    calls.reset();
    await harness.conversations.listInbox(a.uuid, { limit: 20, cursor: null });
    expect(calls.total()).toBe(1);
  });

  it('lists a page of messages in 1 call, and a known group costs no membership call', async () => {
    const { a, groupUuid } = await conversationWithHistory();
    // A page smaller than the history, so the measured read is a real next page through a cursor.
    const first = await harness.conversations.listMessages(groupUuid, { limit: 5, cursor: null });
    expect(first.nextCursor).not.toBeNull();
    calls.reset();
    expect(await harness.conversations.findGroupMembers(groupUuid)).toContain(a.uuid);
    await harness.conversations.listMessages(groupUuid, { limit: 5, cursor: first.nextCursor });
    expect(calls.total()).toBe(1);
  });

  it('finds a known pair from memory', async () => {
    const { a, b } = await conversationWithHistory();
    calls.reset();
    await harness.conversations.findGroupByPair(b.uuid, a.uuid);
    expect(calls.total()).toBe(0);
  });
});
