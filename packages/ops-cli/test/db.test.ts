import { pgMemDatabase } from '@cruddur/engines';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../src/seed/demo-seed.js';
import { jsonOf, runCli } from './run-cli.js';

interface Applied {
  applied: Array<{ id: number; name: string }>;
}

const withDatabase = () => {
  const openPostgres = pgMemDatabase();
  return (...argv: string[]) => runCli(['db', ...argv], { env: {}, openPostgres });
};

describe('db migrate', () => {
  it('applies every migration once; running it again changes nothing', async () => {
    const db = withDatabase();
    const first = jsonOf<Applied>(await db('migrate', '--json'));
    expect(first.applied).toEqual([
      { id: 1, name: 'create users' },
      { id: 2, name: 'create activities' },
      { id: 3, name: 'create event_tickets' },
    ]);
    expect(jsonOf<Applied>(await db('migrate', '--json')).applied).toEqual([]);
    expect((await db('migrate')).stdout).toBe(
      'schema is up to date (3 migrations) at postgresql://postgres:***@127.0.0.1:5432/cruddur\n',
    );
  });
});

describe('db seed', () => {
  it('inserts the demo users with their fixed uuids, and leaves them alone the second time', async () => {
    const db = withDatabase();
    await db('migrate');
    const first = jsonOf<Array<{ uuid: string; handle: string; status: string }>>(await db('seed', '--json'));
    expect(first).toEqual(
      DEMO_SEED.users.map((u) => ({
        uuid: u.uuid,
        handle: u.handle,
        display_name: u.displayName,
        status: 'created',
      })),
    );
    const again = await db('seed');
    expect(again.stdout).toMatch(/^@mira\s+0d6c6a5e-\S+\s+Mira Okafor\s+exists$/m);
    expect(again.stdout).toContain('created 0 of 4 users');
  });

  it('tells a PostgreSQL without the schema from one that is down', async () => {
    const { code, stderr } = await withDatabase()('seed');
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^cruddur-ops: PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:5432\/cruddur: .*users/,
    );
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('db schema-load', () => {
  // Reloading existing tables is tested on real PostgreSQL (db-setup.test.ts): pg-mem keeps the
  // name of a dropped table's primary key index and then refuses to create the table again.
  it('loads an empty database without --yes, and refuses to drop existing tables without it', async () => {
    const db = withDatabase();
    expect((await db('schema-load')).stdout).toContain('no schema tables to drop');
    await db('seed');
    const refused = await db('schema-load');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'drops event_tickets, activities, users, schema_migrations and every row in them; add --yes',
    );
    expect(jsonOf<Array<{ status: string }>>(await db('seed', '--json'))[0]?.status).toBe('exists');
  });
});

describe('db drop', () => {
  it('refuses without --yes, before connecting anywhere', async () => {
    const { code, stdout, stderr } = await runCli(['db', 'drop'], {
      env: {},
      openPostgres: () => {
        throw new Error('db drop connected without --yes');
      },
    });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'cruddur-ops: db drop deletes database cruddur and all its data; add --yes to confirm\n',
    );
  });

  it('never drops the server’s own databases', async () => {
    const { code, stderr } = await runCli(['db', 'drop', '--yes'], {
      env: { CONNECTION_URL: 'postgresql://postgres:pw@127.0.0.1:5432/postgres' },
    });
    expect([code, stderr]).toEqual([2, 'cruddur-ops: refusing to drop the system database postgres\n']);
  });
});
