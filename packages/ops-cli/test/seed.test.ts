import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
} from '@cruddur/adapters-aws/dynamo';
import { anInstant } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../src/seed/demo-seed.js';
import { aTableName, jsonOf, runCli } from './run-cli.js';

let engine: DynamoEngine;
let dir: string;
beforeAll(async () => {
  engine = await startDynalite();
  dir = await mkdtemp(join(tmpdir(), 'cruddur-seed-'));
});
afterAll(() => engine.stop());

const seedFile = async (content: unknown): Promise<string> => {
  const path = join(dir, `${randomUUID()}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

/** The demo set with every uuid and time fixed, and two messages sent in the same microsecond. */
const fixedSeed = () => ({
  users: DEMO_SEED.users.map((u) => ({ uuid: u.uuid, handle: u.handle, display_name: u.displayName })),
  conversations: DEMO_SEED.conversations.map((c, i) => ({
    group_uuid: c.groupUuid,
    members: c.members,
    messages: c.messages.map((m, j) => ({
      uuid: randomUUID(),
      from: m.from,
      message: m.text,
      created_at: anInstant(i * 1000 + (j === 1 ? 0 : j) * 60),
    })),
  })),
});

interface Table {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly conversations: DynamoConversations;
}

/** A fresh table on the engine and an adapter over it. */
const aTable = async (): Promise<Table> => {
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const tableName = aTableName();
  await ensureMessagesTable(client, tableName);
  return { client, tableName, conversations: new DynamoConversations({ client, tableName }) };
};

const scanAll = async (harness: Table) => {
  const { Items = [] } = await harness.client.send(new ScanCommand({ TableName: harness.tableName }));
  return Items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
};

describe('ddb seed', () => {
  it('leaves the table exactly as sending every message through the adapter would', async () => {
    const seed = fixedSeed();
    const bulk = await aTable();
    const env = { AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint };
    const run = await runCli(['ddb', 'seed', '--file', await seedFile(seed), '--table', bulk.tableName], {
      env,
    });
    expect(run.code).toBe(0);

    const oneByOne = await aTable();
    const users = new Map(DEMO_SEED.users.map((u) => [u.handle, u]));
    for (const conversation of seed.conversations) {
      const [a, b] = conversation.members.map((h) => users.get(h) ?? DEMO_SEED.users[0]);
      if (a === undefined || b === undefined) throw new Error('demo seed without users');
      const groupUuid = await oneByOne.conversations.openGroup(
        [a.uuid, b.uuid],
        conversation.group_uuid ?? '',
      );
      for (const m of [...conversation.messages].sort((x, y) => x.created_at.localeCompare(y.created_at))) {
        const [sender, recipient] = m.from === a.handle ? [a, b] : [b, a];
        await oneByOne.conversations.append({
          groupUuid,
          messageUuid: m.uuid,
          sender,
          recipient,
          text: m.message,
          sentAt: m.created_at,
        });
      }
    }
    await oneByOne.conversations.drain();
    const [seeded, sent] = [await scanAll(bulk), await scanAll(oneByOne)];
    expect(seeded).toHaveLength(53);
    expect(seeded).toEqual(sent);
    // About 250 calls (41 sends one by one for the comparison): give a loaded machine time.
  }, 90_000);

  it.each([
    ['{ "users": [', 'is not JSON'],
    [
      { users: [{ uuid: randomUUID(), handle: 'a' }] },
      '$.users[0].display_name: expected a non-empty string',
    ],
    [
      { users: [], conversations: [{ members: ['a'], messages: [] }] },
      '$.conversations[0].members: expected two handles',
    ],
    [
      { users: [], conversations: [{ members: ['a', 'b'], messages: [{ from: 'a', message: 'hi' }] }] },
      'no user has the handle "a"',
    ],
  ])('refuses a bad seed file with one line naming the problem: %j', async (content, message) => {
    const file = await seedFile(content);
    const { code, stderr } = await runCli(['ddb', 'seed', '--file', file], { env: {} });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('holds seeds to the rules the API holds messages to', async () => {
    const seed = fixedSeed();
    const [first] = seed.conversations;
    const [message] = first?.messages ?? [];
    if (message === undefined) throw new Error('demo seed without messages');
    message.message = 'x'.repeat(1025);
    const tooLong = await runCli(['ddb', 'seed', '--file', await seedFile(seed)], { env: {} });
    expect(tooLong.stderr).toContain('message_exceed_max_chars_1024');
    message.message = 'hi';
    const { created_at: _, ...undated } = message;
    const mixed = {
      ...seed,
      conversations: [{ ...first, messages: [undated, ...(first?.messages.slice(1) ?? [])] }],
    };
    const run = await runCli(['ddb', 'seed', '--file', await seedFile(mixed)], { env: {} });
    expect(run.stderr).toContain('created_at: give it for every message or for none');
  });

  it('says which file it could not read', async () => {
    const missing = join(dir, 'missing.json');
    const { code, stderr } = await runCli(['db', 'seed', '--file', missing], { env: {} });
    expect([code, stderr]).toEqual([2, `cruddur-ops: cannot read seed file ${missing} (ENOENT)\n`]);
  });

  it('reports what it did as JSON on stdout, progress on stderr', async () => {
    const tableName = aTableName();
    const env = { AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint };
    await runCli(['ddb', 'schema-load', '--table', tableName], { env });
    const run = await runCli(['ddb', 'seed', '--table', tableName, '--json'], { env });
    expect(jsonOf<unknown[]>(run)).toEqual(
      DEMO_SEED.conversations.map((c) => ({
        group_uuid: c.groupUuid,
        members: [...c.members],
        messages: c.messages.length,
        status: 'seeded',
      })),
    );
    // Batches finish in any order, so which counts are logged before the last one varies.
    const lines = run.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^ddb seed: messages: \d+\/41$/);
    expect(lines.at(-1)).toBe('ddb seed: messages: 41/41');
  });
});
