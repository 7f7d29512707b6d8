import { type EmbeddedPostgresServer, freePort, startEmbeddedPostgres } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './run-cli.js';

// CREATE DATABASE needs a real server: pg-mem has one database and cannot parse the statement.
let server: EmbeddedPostgresServer;
let url: string;
const redacted = (u: string) => u.replace(':postgres@', ':***@');

beforeAll(async () => {
  server = await startEmbeddedPostgres();
  // A database made only to learn the server's URL; setup creates the one we name.
  url = (await server.createDatabase('probe')).replace(/\/probe$/, '/cruddur_cli');
});
afterAll(() => server.dispose());

describe('db commands on PostgreSQL', () => {
  it('setup creates and migrates; schema-load --yes reloads; drop --yes removes the database', async () => {
    const db = (...argv: string[]) => runCli(['db', ...argv], { env: { CONNECTION_URL: url } });
    const first = jsonOf<{ created: boolean; applied: unknown[] }>(await db('setup', '--json'));
    expect([first.created, first.applied.length]).toEqual([true, 3]);
    expect((await db('setup')).stdout).toBe(
      `database exists: cruddur_cli at ${redacted(url)}\nschema is up to date (3 migrations)\n`,
    );
    expect((await db('seed')).stdout).toContain('created 4 of 4 users');

    expect((await db('schema-load')).code).toBe(2);
    const reloaded = jsonOf<{ dropped: string[]; applied: unknown[] }>(
      await db('schema-load', '--yes', '--json'),
    );
    expect(reloaded).toMatchObject({ dropped: ['event_tickets', 'activities', 'users', 'schema_migrations'] });
    expect(reloaded.applied).toHaveLength(3);
    expect((await db('seed')).stdout).toContain('created 4 of 4 users');

    expect((await db('drop', '--yes')).stdout).toBe('dropped database cruddur_cli\n');
    expect(await db('migrate')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `cruddur-ops: PostgreSQL at ${redacted(url)}: database "cruddur_cli" does not exist ` +
        '(create it with: cruddur-ops db setup)\n',
    });
  });

  it('says what to run when the schema is missing', async () => {
    const empty = await server.createDatabase('empty');
    const { code, stderr } = await runCli(['db', 'seed'], { env: { CONNECTION_URL: empty } });
    expect([code, stderr]).toEqual([
      1,
      `cruddur-ops: PostgreSQL at ${redacted(empty)} is unavailable: relation "users" does not exist ` +
        '(create the schema with: cruddur-ops db migrate)\n',
    ]);
  });

  it('names the server it could not reach, without its password', async () => {
    const port = await freePort();
    const env = { CONNECTION_URL: `postgresql://postgres:secret@127.0.0.1:${port}/cruddur` };
    const { code, stderr } = await runCli(['db', 'setup'], { env });
    expect([code, stderr]).toEqual([
      1,
      `cruddur-ops: cannot reach PostgreSQL at postgresql://postgres:***@127.0.0.1:${port}/postgres: ` +
        'connection refused (ECONNREFUSED)\n',
    ]);
  });
});
