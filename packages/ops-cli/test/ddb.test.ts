import { type DynamoEngine, pgMemDatabase, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../src/seed/demo-seed.js';
import { aTableName, jsonOf, runCli } from './run-cli.js';

let engine: DynamoEngine;
let env: Record<string, string>;
let table: string;
const ddb = (...argv: string[]) => runCli(['ddb', ...argv, '--table', table], { env, openPostgres });
const openPostgres = pgMemDatabase();

type Row = Record<string, unknown>;
const [mira] = DEMO_SEED.users;
const RIDGE_WALK = DEMO_SEED.conversations[0]?.groupUuid ?? '';

beforeAll(async () => {
  engine = await startDynalite();
  env = { AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint };
  await runCli(['db', 'migrate'], { env, openPostgres });
  await runCli(['db', 'seed'], { env, openPostgres });
});
afterAll(() => engine.stop());
beforeEach(() => {
  table = aTableName();
});

describe('ddb schema-load, list-tables, drop', () => {
  it('creates the table once, and list-tables shows it', async () => {
    expect((await ddb('schema-load')).stdout).toContain(`created table ${table}`);
    expect((await ddb('schema-load')).stdout).toContain('already exists');
    const listed = await ddb('list-tables');
    expect(listed.stdout).toMatch(new RegExp(`^${table}\\s+\\(messages table\\)$`, 'm'));
    expect(jsonOf<string[]>(await ddb('list-tables', '--json'))).toContain(table);
  });

  it('drop refuses without --yes and deletes with it', async () => {
    await ddb('schema-load');
    const refused = await ddb('drop');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes to confirm');
    expect((await ddb('drop', '--yes')).stdout).toContain(`deleted table ${table}`);
    expect(jsonOf<string[]>(await ddb('list-tables', '--json'))).not.toContain(table);
    expect((await ddb('drop', '--yes')).stdout).toContain('does not exist');
  });

  it('names the missing table and the command that creates it', async () => {
    const { code, stderr } = await ddb('scan');
    expect(code).toBe(1);
    expect(stderr).toBe(
      `cruddur-ops: DynamoDB at ${engine.endpoint} has no table "${table}" (create it with: cruddur-ops ddb schema-load)\n`,
    );
  });
});

describe('ddb seed, scan, conversations, conversation', () => {
  beforeEach(async () => {
    await ddb('schema-load');
  });

  it('seeds the demo set; scan follows every page; a second seed changes nothing', async () => {
    const seeded = await ddb('seed');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('seeded 3 conversations (41 messages)');
    expect(seeded.stderr).toContain('ddb seed: messages: 41/41');
    // 41 message rows, 2 inbox rows, a group item and a pair item per conversation.
    const items = jsonOf<Row[]>(await ddb('scan', '--json'));
    expect(items).toHaveLength(41 + 3 * 4);
    const paged = await ddb('scan', '--page-size', '5');
    expect(paged.stdout).toContain(`53 items in ${table} (11 Scan calls)`);
    expect(jsonOf<Row[]>(await ddb('scan', '--json', '--limit', '7'))).toHaveLength(7);

    expect((await ddb('seed')).stdout).toContain('seeded 0 conversations (0 messages) into');
    expect(jsonOf<Row[]>(await ddb('scan', '--json'))).toHaveLength(53);
  });

  it("conversations <handle> shows the user's inbox, latest activity first", async () => {
    await ddb('seed');
    const inbox = await ddb('conversations', '@mira');
    expect(inbox.stdout).toContain(`2 conversations for @mira (${mira?.uuid})`);
    const entries = jsonOf<Row[]>(await ddb('conversations', 'mira', '--json'));
    expect(entries.map((e) => e.handle)).toEqual(['ines', 'tomas']);
    expect(entries[0]).toMatchObject({ message: 'Thursday at my place, 19:00.' });
    // By uuid, PostgreSQL is not needed at all.
    const byUuid = await runCli(
      ['ddb', 'conversations', mira?.uuid ?? '', '--table', table, '--json', '--limit', '1'],
      { env },
    );
    expect(jsonOf<Row[]>(byUuid)).toEqual(entries.slice(0, 1));
  });

  it('conversation <group> prints the whole history oldest first, or the newest --limit', async () => {
    await ddb('seed');
    const messages = jsonOf<Row[]>(await ddb('conversation', RIDGE_WALK, '--json'));
    expect(messages.map((m) => m.message)).toEqual(DEMO_SEED.conversations[0]?.messages.map((m) => m.text));
    const newest = jsonOf<Row[]>(await ddb('conversation', RIDGE_WALK, '--json', '--limit', '3'));
    expect(newest).toEqual(messages.slice(-3));
    expect((await ddb('conversation', RIDGE_WALK)).stdout).toMatch(
      /@tomas\s+Tomás Lindqvist\s+Best message of the week\.\n34 messages in group/,
    );
  });

  it('says so when a user or a group does not exist', async () => {
    const nobody = await ddb('conversations', 'nobody');
    expect([nobody.code, nobody.stderr]).toEqual([
      1,
      expect.stringContaining('no user has the handle "nobody"'),
    ]);
    const group = await ddb('conversation', '00000000-0000-4000-8000-000000000000');
    expect([group.code, group.stderr]).toEqual([1, expect.stringContaining('no message group 00000000-')]);
    expect((await ddb('conversation', 'not-a-uuid')).code).toBe(2);
  });
});
