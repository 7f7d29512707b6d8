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
import { CountingPool, pgMemPool } from '@cruddur/engines';

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
    // Room for two lookups: a user found by handle takes two entries, by handle and by uuid.
    const users = caching({ maxEntries: 4 });
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

  it('passes listAll through', async () => {
    const users = caching();
    await users.listAll();
    expect(await queriesDuring(() => users.listAll())).toBe(1);
  });

  it('refuses a size or TTL that cannot work', () => {
    expect(() => caching({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => caching({ ttlMs: 0 })).toThrow(RangeError);
  });
});

describe('CachingUserDirectory.findByUuids', () => {
  /** pg's methods as a plain object, so a test can replace one of them. */
  const pgMethods = (): UserDirectory => ({
    findBySub: (sub) => pg.findBySub(sub),
    findByHandle: (handle) => pg.findByHandle(handle),
    findByUuids: (uuids) => pg.findByUuids(uuids),
    listAll: () => pg.listAll(),
    create: (user) => pg.create(user),
    setCognitoUserId: (handle, sub) => pg.setCognitoUserId(handle, sub),
  });
  /** pg, recording the uuids each findByUuids asks it for. */
  const recording = (asked: string[][]): UserDirectory => ({
    ...pgMethods(),
    findByUuids: (uuids) => {
      asked.push([...uuids]);
      return pg.findByUuids(uuids);
    },
  });

  it('answers uuids it has found before without a query', async () => {
    const [a, b] = [await pg.create(aNewUser()), await pg.create(aNewUser())];
    const users = caching();
    expect(await queriesDuring(() => users.findByUuids([a.uuid, b.uuid]))).toBe(1);
    let hit: User[] = [];
    expect(await queriesDuring(async () => (hit = await users.findByUuids([b.uuid, a.uuid])))).toBe(0);
    expect(hit.map((u) => u.uuid).sort()).toEqual([a.uuid, b.uuid].sort());
    expect(hit).toContainEqual(a);
  });

  it('asks, in one query, only for the uuids it does not hold', async () => {
    const [a, b, c] = [await pg.create(aNewUser()), await pg.create(aNewUser()), await pg.create(aNewUser())];
    const asked: string[][] = [];
    const users = caching({}, recording(asked));
    await users.findByUuids([a.uuid]);
    const unknown = randomUUID();
    let found: User[] = [];
    expect(
      await queriesDuring(async () => (found = await users.findByUuids([a.uuid, b.uuid, c.uuid, unknown]))),
    ).toBe(1);
    expect(asked[1]?.sort()).toEqual([b.uuid, c.uuid, unknown].sort());
    expect(found.map((u) => u.uuid).sort()).toEqual([a.uuid, b.uuid, c.uuid].sort());
  });

  it('answers by uuid a user it has found by sub or handle', async () => {
    const [a, b] = [await pg.create(aNewUser({ cognitoUserId: randomUUID() })), await pg.create(aNewUser())];
    const users = caching();
    await users.findBySub(a.cognitoUserId ?? '');
    await users.findByHandle(b.handle);
    expect(await queriesDuring(() => users.findByUuids([a.uuid, b.uuid]))).toBe(0);
  });

  it('asks again for a user whose cognito id was set through it', async () => {
    const mira = await pg.create(aNewUser());
    const users = caching();
    await users.findByUuids([mira.uuid]);
    const sub = randomUUID();
    await users.setCognitoUserId(mira.handle, sub);
    let found: User[] = [];
    expect(await queriesDuring(async () => (found = await users.findByUuids([mira.uuid])))).toBe(1);
    expect(found).toEqual([{ ...mira, cognitoUserId: sub }]);
  });

  it('asks again once the TTL has passed', async () => {
    const mira = await pg.create(aNewUser());
    const users = caching({ ttlMs: 1_000 });
    await users.findByUuids([mira.uuid]);
    clock = 1_000;
    expect(await queriesDuring(() => users.findByUuids([mira.uuid]))).toBe(1);
  });

  it('remembers unknown uuids only when negativeTtlMs is set', async () => {
    const unknown = randomUUID();
    const forgetful = caching();
    await forgetful.findByUuids([unknown]);
    expect(await queriesDuring(() => forgetful.findByUuids([unknown]))).toBe(1);
    const remembering = caching({ negativeTtlMs: 100 });
    await remembering.findByUuids([unknown]);
    expect(await queriesDuring(() => remembering.findByUuids([unknown]))).toBe(0);
    clock = 100;
    expect(await queriesDuring(() => remembering.findByUuids([unknown]))).toBe(1);
  });

  it('does not store users read while a write went through it', async () => {
    const mira = await pg.create(aNewUser());
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: UserDirectory = {
      ...pgMethods(),
      findByUuids: async (uuids) => {
        const before = await pg.findByUuids(uuids);
        await gate; // the write below lands after this read
        return before;
      },
    };
    const users = caching({}, slow);
    const stale = users.findByUuids([mira.uuid]);
    const sub = randomUUID();
    await users.setCognitoUserId(mira.handle, sub);
    release();
    expect((await stale)[0]?.cognitoUserId).toBeNull();
    expect((await users.findByUuids([mira.uuid]))[0]?.cognitoUserId).toBe(sub);
  });
});
