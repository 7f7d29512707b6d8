import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynaliteProcess, startEmbeddedPostgres } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engines-persistence-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const clientFor = (endpoint: string) =>
  new DynamoDBClient({
    region: 'local',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('dynalite in a process of its own', () => {
  it('keeps its tables on disk across restarts, and counts the requests it serves', async () => {
    const first = await startDynaliteProcess({ path: join(dir, 'dynamodb') });
    const client = clientFor(first.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'kept',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect(await first.requests()).toEqual({ CreateTable: 1 });
    client.destroy();
    await first.stop();

    const second = await startDynaliteProcess({ path: join(dir, 'dynamodb') });
    const again = clientFor(second.endpoint);
    expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual(['kept']);
    expect(await second.requests()).toEqual({ ListTables: 1 });
    again.destroy();
    await second.stop();
  });

  it('in memory without a path: a restart starts empty', async () => {
    const engine = await startDynaliteProcess();
    const client = clientFor(engine.endpoint);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    client.destroy();
    await engine.stop();
  });

  it('runs outside its client: its own pid and memory, and it exits when its parent is killed', async () => {
    const engine = await startDynaliteProcess();
    expect(engine.pid).not.toBe(process.pid);
    expect((await engine.memory()).rss).toBeGreaterThan(0);
    await engine.stop();
    expect(() => process.kill(engine.pid, 0)).toThrow();

    // A parent that dies without stopping it (SIGKILL): the engine must not live on holding LevelDB's lock.
    const source = new URL('../src/index.ts', import.meta.url).href;
    const parent = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { startDynaliteProcess } = await import(${JSON.stringify(source)});
const engine = await startDynaliteProcess({ path: ${JSON.stringify(join(dir, 'orphan'))} }); console.log(engine.pid);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = Number(
      await new Promise<string>((resolve) =>
        parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
      ),
    );
    expect(() => process.kill(pid, 0)).not.toThrow();
    parent.kill('SIGKILL');
    await expect
      .poll(
        () => {
          try {
            process.kill(pid, 0);
            return 'running';
          } catch {
            return 'gone';
          }
        },
        { timeout: 10_000 },
      )
      .toBe('gone');
    // …and the next engine opens the same LevelDB.
    const next = await startDynaliteProcess({ path: join(dir, 'orphan') });
    await next.stop();
  }, 30_000);
});

describe('embedded PostgreSQL on a given directory', () => {
  const query = async (url: string, text: string) => {
    const client = new pg.Client(url);
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  it('keeps its databases across restarts; createDatabase tolerates one that exists', async () => {
    const first = await startEmbeddedPostgres({ databaseDir: join(dir, 'postgres') });
    const url = await first.createDatabase('kept');
    await query(url, "create table notes (body text); insert into notes values ('still here')");
    await first.dispose();

    const second = await startEmbeddedPostgres({ databaseDir: join(dir, 'postgres') });
    const again = await second.createDatabase('kept');
    expect(await query(again, 'select body from notes')).toEqual([{ body: 'still here' }]);
    await second.dispose();
  });
});
