import { open, readFile, rename } from 'node:fs/promises';
import {
  CognitoUserIdTakenError,
  HandleTakenError,
  type IdGenerator,
  type NewUser,
  RandomIdGenerator,
  type User,
  type UserDirectory,
} from '@cruddur/core';

export interface JsonFileUserDirectoryOptions {
  /** Where new users' uuids come from; inject a deterministic one in tests. */
  readonly ids?: IdGenerator;
}

// Unique per write even when two directories in one process share a file.
let tempFileSequence = 0;

/**
 * The `users` table as one JSON file: an array of users sorted by handle, so `listAll` never
 * sorts and the file diffs cleanly. Every call reads the file, so nothing is cached and a caller
 * cannot change what is stored by mutating what it got back.
 *
 * Writes are serialised per instance; keep one instance per file (and one process), or two
 * writers may each read the old file and the last rename wins.
 */
export class JsonFileUserDirectory implements UserDirectory {
  readonly #path: string;
  readonly #ids: IdGenerator;
  /** The tail of the write queue: each change starts after the previous one has settled. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, { ids = new RandomIdGenerator() }: JsonFileUserDirectoryOptions = {}) {
    this.#path = path;
    this.#ids = ids;
  }

  async findBySub(cognitoUserId: string): Promise<User | null> {
    return (await this.#read()).find((user) => user.cognitoUserId === cognitoUserId) ?? null;
  }

  async findByHandle(handle: string): Promise<User | null> {
    return (await this.#read()).find((user) => user.handle === handle) ?? null;
  }

  async findByUuids(uuids: readonly string[]): Promise<User[]> {
    if (uuids.length === 0) return [];
    const wanted = new Set(uuids);
    return (await this.#read()).filter((user) => wanted.has(user.uuid));
  }

  async listAll(): Promise<User[]> {
    return this.#read();
  }

  create({ handle, displayName, email, cognitoUserId = null }: NewUser): Promise<User> {
    // Check and write inside one queued step: checking outside it would let two concurrent
    // creates of the same handle both pass, and the second write would drop the first user.
    return this.#serialise(async () => {
      const users = await this.#read();
      if (users.some((user) => user.handle === handle)) throw new HandleTakenError(handle);
      if (cognitoUserId !== null && users.some((user) => user.cognitoUserId === cognitoUserId)) {
        throw new CognitoUserIdTakenError(cognitoUserId);
      }
      const user: User = { uuid: this.#ids.uuid(), handle, displayName, email, cognitoUserId };
      await this.#write([...users, user]);
      return user;
    });
  }

  setCognitoUserId(handle: string, cognitoUserId: string): Promise<boolean> {
    return this.#serialise(async () => {
      const users = await this.#read();
      const user = users.find((candidate) => candidate.handle === handle);
      if (!user) return false;
      const owner = users.find((candidate) => candidate.cognitoUserId === cognitoUserId);
      if (owner && owner.uuid !== user.uuid) throw new CognitoUserIdTakenError(cognitoUserId);
      await this.#write(
        users.map((candidate) => (candidate === user ? { ...user, cognitoUserId } : candidate)),
      );
      return true;
    });
  }

  #serialise<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(change);
    // A change that throws (HandleTakenError) must not stall the ones queued behind it.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #read(): Promise<User[]> {
    try {
      return JSON.parse(await readFile(this.#path, 'utf8')) as User[];
    } catch (error) {
      // No file yet is an empty directory; anything else (a corrupt file, EACCES) is a real fault.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async #write(users: readonly User[]): Promise<void> {
    const sorted = [...users].sort((a, b) => (a.handle < b.handle ? -1 : 1));
    const temp = `${this.#path}.${process.pid}.${tempFileSequence++}.tmp`;
    // Readers see the old file or the new one, never half of one: write aside, flush it to disk
    // (else a crash can leave the renamed file empty), then rename over the old file atomically.
    const file = await open(temp, 'w');
    try {
      await file.writeFile(`${JSON.stringify(sorted, null, 2)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, this.#path);
  }
}
