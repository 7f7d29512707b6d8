import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynaliteInThread, startEmbeddedPostgres } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engines-persistence-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const clientFor = (endpoint: string) =>
  new DynamoDBClient({ region: 'local', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

describe('dynalite in a thread', () => {
  it('keeps its tables on disk across restarts, and counts the requests it serves', async () => {
    const first = await startDynaliteInThread({ path: join(dir, 'dynamodb') });
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

    const second = await startDynaliteInThread({ path: join(dir, 'dynamodb') });
    const again = clientFor(second.endpoint);
    expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual(['kept']);
    expect(await second.requests()).toEqual({ ListTables: 1 });
    again.destroy();
    await second.stop();
  });

  it('in memory without a path: a restart starts empty', async () => {
    const engine = await startDynaliteInThread();
    const client = clientFor(engine.endpoint);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    client.destroy();
    await engine.stop();
  });
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
    await query(url, 'create table notes (body text); insert into notes values (\'still here\')');
    await first.dispose();

    const second = await startEmbeddedPostgres({ databaseDir: join(dir, 'postgres') });
    const again = await second.createDatabase('kept');
    expect(await query(again, 'select body from notes')).toEqual([{ body: 'still here' }]);
    await second.dispose();
  });
});
