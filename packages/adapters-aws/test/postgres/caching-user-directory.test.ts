import { randomUUID } from 'node:crypto';
import type { User, UserDirectory } from '@cruddur/core';
import { aNewUser } from '@cruddur/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CachingUserDirectory,
  type CachingUserDirectoryOptions,
  migrate,
  PgUserDirectory,
} from '../../src/postgres/index.js';
import { CountingPool } from './counting-pool.js';
import { pgMemPool } from './engines.js';

let pool: CountingPool;
let pg: PgUserDirectory;
let clock: number;

beforeEach(async () => {
  pool = new CountingPool(pgMemPool());
  await migrate(pool);
  pg = new PgUserDirectory(pool);
  clock = 0;
});

const caching = (options: Partial<CachingUserDirectoryOptions> = {}, inner: UserDirectory = pg) =>
  new CachingUserDirectory(inner, { maxEntries: 10, ttlMs: 1_000, now: () => clock, ...options });

/** Queries the pool received while `work` ran. */
async function queriesDuring(work: () => Promise<unknown>): Promise<number> {
  const before = pool.queries;
  await work();
  return pool.queries - before;
}

describe('CachingUserDirectory', () => {
  it('answers a repeated lookup by sub or handle without a query', async () => {
    const mira = await pg.create(aNewUser({ cognitoUserId: randomUUID() }));
    const users = caching();
    expect(await queriesDuring(() => users.findBySub(mira.cognitoUserId ?? ''))).toBe(1);
    expect(await queriesDuring(() => users.findByHandle(mira.handle))).toBe(1);
    let hit: User | null = null;
    expect(await queriesDuring(async () => (hit = await users.findBySub(mira.cognitoUserId ?? '')))).toBe(0);
    expect(hit).toEqual(mira);
    expect(await queriesDuring(() => users.findByHandle(mira.handle))).toBe(0);
  });

  it('asks again once the TTL has passed', async () => {
    const mira = await pg.create(aNewUser());
    const users = caching({ ttlMs: 1_000 });
    await users.findByHandle(mira.handle);
    clock = 999;
    expect(await queriesDuring(() => users.findByHandle(mira.handle))).toBe(0);
    clock = 1_000;
    expect(await queriesDuring(() => users.findByHandle(mira.handle))).toBe(1);
  });

  it('evicts the least recently used lookup at capacity', async () => {
    const [a, b, c] = [await pg.create(aNewUser()), await pg.create(aNewUser()), await pg.create(aNewUser())];
    const users = caching({ maxEntries: 2 });
    await users.findByHandle(a.handle);
    await users.findByHandle(b.handle);
    await users.findByHandle(a.handle); // a is now more recent than b
    await users.findByHandle(c.handle); // over capacity: b goes
    expect(await queriesDuring(() => users.findByHandle(a.handle))).toBe(0);
    expect(await queriesDuring(() => users.findByHandle(c.handle))).toBe(0);
    expect(await queriesDuring(() => users.findByHandle(b.handle))).toBe(1);
  });

  it('does not remember misses unless asked to', async () => {
    const users = caching();
    await users.findByHandle('nobody');
    expect(await queriesDuring(() => users.findByHandle('nobody'))).toBe(1);
  });

  it('remembers misses for negativeTtlMs when set', async () => {
    const users = caching({ ttlMs: 60_000, negativeTtlMs: 100 });
    await users.findByHandle('nobody');
    expect(await queriesDuring(() => users.findByHandle('nobody'))).toBe(0);
    clock = 100;
    expect(await queriesDuring(() => users.findByHandle('nobody'))).toBe(1);
  });

  it("forgets the user's old sub when it is relinked", async () => {
    const oldSub = randomUUID();
    const mira = await pg.create(aNewUser({ cognitoUserId: oldSub }));
    const users = caching();
    await users.findBySub(oldSub);
    await users.setCognitoUserId(mira.handle, randomUUID());
    expect(await users.findBySub(oldSub)).toBeNull();
  });

  it('does not store a lookup that raced with a write', async () => {
    const mira = await pg.create(aNewUser());
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: UserDirectory = {
      findBySub: (sub) => pg.findBySub(sub),
      findByHandle: async (handle) => {
        const before = await pg.findByHandle(handle);
        await gate; // the write below lands after this read
        return before;
      },
      findByUuids: (uuids) => pg.findByUuids(uuids),
      listAll: () => pg.listAll(),
      create: (user) => pg.create(user),
      setCognitoUserId: (handle, sub) => pg.setCognitoUserId(handle, sub),
    };
    const users = caching({}, slow);
    const stale = users.findByHandle(mira.handle);
    const sub = randomUUID();
    await users.setCognitoUserId(mira.handle, sub);
    release();
    expect((await stale)?.cognitoUserId).toBeNull();
    expect((await users.findByHandle(mira.handle))?.cognitoUserId).toBe(sub);
  });

  it('passes findByUuids and listAll through', async () => {
    const mira = await pg.create(aNewUser());
    const users = caching();
    await users.findByUuids([mira.uuid]);
    expect(await queriesDuring(() => users.findByUuids([mira.uuid]))).toBe(1);
    expect(await queriesDuring(() => users.listAll())).toBe(1);
  });

  it('refuses a size or TTL that cannot work', () => {
    expect(() => caching({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => caching({ ttlMs: 0 })).toThrow(RangeError);
  });
});
