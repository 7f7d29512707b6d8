import { LruTtlCache, type NewUser, type User, type UserDirectory } from '@cruddur/core';

export interface CachingUserDirectoryOptions {
  /** Lookups remembered at most (by sub, handle and uuid together); the least recently used go first. */
  readonly maxEntries: number;
  /** How long a found user is served from memory. */
  readonly ttlMs: number;
  /**
   * How long "no such user" is remembered. 0, the default, does not remember misses, so a user
   * added by another process (a sync, a sign-up) is found at once; a few seconds shields the
   * database from a client retrying with an unregistered sub.
   */
  readonly negativeTtlMs?: number;
  /** Milliseconds since some fixed point; injectable for tests. */
  readonly now?: () => number;
}

/**
 * Serves the hot lookups (`findBySub`, `findByHandle`, `findByUuids`) from a bounded LRU with
 * TTL in front of any `UserDirectory`. Writes through this decorator are visible to its next
 * lookup; writes by other processes show up within `ttlMs`. `listAll` is not cached.
 */
export class CachingUserDirectory implements UserDirectory {
  private readonly cache: LruTtlCache<string, User | null>;
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  /** Bumped by every write, so a lookup that raced with one does not store what it read. */
  private generation = 0;

  constructor(
    private readonly inner: UserDirectory,
    options: CachingUserDirectoryOptions,
  ) {
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${options.ttlMs}.`);
    this.cache = new LruTtlCache(options.maxEntries, options.now ?? Date.now);
    this.ttlMs = options.ttlMs;
    this.negativeTtlMs = Math.max(0, options.negativeTtlMs ?? 0);
  }

  findBySub(cognitoUserId: string): Promise<User | null> {
    return this.lookup(`sub:${cognitoUserId}`, () => this.inner.findBySub(cognitoUserId));
  }

  findByHandle(handle: string): Promise<User | null> {
    return this.lookup(`handle:${handle}`, () => this.inner.findByHandle(handle));
  }

  /** Answers what the cache holds and asks the inner directory, in one call, for the rest only. */
  async findByUuids(uuids: readonly string[]): Promise<User[]> {
    const found: User[] = [];
    const missing: string[] = [];
    for (const uuid of new Set(uuids)) {
      const cached = this.cache.get(uuidKey(uuid));
      if (cached === undefined) missing.push(uuid);
      else if (cached !== null) found.push(cached);
    }
    if (missing.length === 0) return found;
    const generation = this.generation;
    const loaded = await this.inner.findByUuids(missing);
    if (generation === this.generation) this.rememberUuids(missing, loaded);
    return [...found, ...loaded];
  }

  listAll(): Promise<User[]> {
    return this.inner.listAll();
  }

  async create(user: NewUser): Promise<User> {
    try {
      return await this.inner.create(user);
    } finally {
      this.forget(user.handle, user.cognitoUserId ?? null);
    }
  }

  async setCognitoUserId(handle: string, cognitoUserId: string): Promise<boolean> {
    // Forgotten even when the write fails: a timeout may hide an update that did commit.
    try {
      return await this.inner.setCognitoUserId(handle, cognitoUserId);
    } finally {
      this.forget(handle, cognitoUserId);
    }
  }

  private async lookup(key: string, load: () => Promise<User | null>): Promise<User | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const user = await load();
    if (generation !== this.generation) return user;
    if (user === null) {
      if (this.negativeTtlMs > 0) this.cache.set(key, null, this.negativeTtlMs);
    } else {
      this.cache.set(key, user, this.ttlMs);
      // The next send to this user's groups looks them up by uuid: have it ready.
      this.cache.set(uuidKey(user.uuid), user, this.ttlMs);
    }
    return user;
  }

  /** Stores the users found, and (with `negativeTtlMs`) the uuids asked for that were not. */
  private rememberUuids(asked: readonly string[], loaded: readonly User[]): void {
    for (const user of loaded) this.cache.set(uuidKey(user.uuid), user, this.ttlMs);
    if (this.negativeTtlMs === 0) return;
    const loadedUuids = new Set(loaded.map((user) => user.uuid));
    for (const uuid of asked) {
      if (!loadedUuids.has(uuid)) this.cache.set(uuidKey(uuid), null, this.negativeTtlMs);
    }
  }

  /**
   * Drops every entry a write to `handle` may have made wrong, including its old sub's and its
   * uuid's (matched by value). A uuid remembered as missing cannot be made wrong: new users get
   * fresh uuids.
   */
  private forget(handle: string, cognitoUserId: string | null): void {
    this.generation += 1;
    this.cache.delete(`handle:${handle}`);
    if (cognitoUserId !== null) this.cache.delete(`sub:${cognitoUserId}`);
    this.cache.deleteWhere((user) => user?.handle === handle);
  }
}

const uuidKey = (uuid: string): string => `uuid:${uuid}`;
