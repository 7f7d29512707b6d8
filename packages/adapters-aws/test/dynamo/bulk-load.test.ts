import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError, type Message } from '@cruddur/core';
import { anInstant } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkLoad,
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
} from '../../src/dynamo/index.js';

let engine: DynamoEngine;
beforeAll(async () => {
  engine = await startDynalite();
});
afterAll(() => engine.stop());

const person = (handle: string) => ({ uuid: randomUUID(), handle, displayName: handle.toUpperCase() });
const aMessage = (): Message => ({
  uuid: randomUUID(),
  groupUuid: randomUUID(),
  sender: person('x'),
  text: 'hi',
  createdAt: anInstant(1),
});

describe('bulkLoad', () => {
  it('writes rows the adapter reads back as the messages and inbox entries given, reporting progress', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const tableName = `bulk-${randomUUID()}`;
    await ensureMessagesTable(client, tableName);
    const [ada, bob] = [person('ada'), person('bob')];
    const groupUuid = randomUUID();
    const messages: Message[] = Array.from({ length: 60 }, (_, i) => ({
      uuid: randomUUID(),
      groupUuid,
      sender: i % 2 === 0 ? ada : bob,
      text: `line ${i}`,
      createdAt: anInstant(i),
    }));
    const last = messages.at(-1) as Message;
    const entry = { groupUuid, otherUser: bob, lastMessage: last.text, lastMessageAt: last.createdAt };
    const progress: Array<[number, number]> = [];

    await bulkLoad(
      { client, tableName },
      { messages, inboxEntries: [{ ownerUuid: ada.uuid, entry }] },
      { onProgress: (done, total) => progress.push([done, total]) },
    );

    const conversations = new DynamoConversations({ client, tableName });
    const page = await conversations.listMessages(groupUuid, { limit: 50, cursor: null });
    expect(page.items).toEqual(messages.slice(-50));
    expect((await conversations.listInbox(ada.uuid, { limit: 10, cursor: null })).items).toEqual([entry]);
    // 61 rows: three batches (25, 25, 11), reported as each finishes, whatever the order.
    expect(progress).toHaveLength(3);
    expect(progress.every(([, total]) => total === 61)).toBe(true);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([61, 61]);
    client.destroy();
  });

  it('fails with DependencyUnavailableError when a throttled table never takes the items', async () => {
    let calls = 0;
    const client = {
      send: async (command: { input: { RequestItems: Record<string, unknown[]> } }) => {
        calls += 1;
        return { $metadata: {}, UnprocessedItems: command.input.RequestItems };
      },
    } as unknown as DynamoDBDocumentClient;
    const progress: number[] = [];
    const load = bulkLoad(
      { client, tableName: 'throttled' },
      { messages: [aMessage()] },
      { onProgress: (done) => progress.push(done) },
    );
    await expect(load).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(calls).toBeGreaterThan(1);
    expect(progress).toEqual([]);
  });
});
