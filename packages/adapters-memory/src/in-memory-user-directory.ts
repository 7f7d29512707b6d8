import {
  CognitoUserIdTakenError,
  HandleTakenError,
  type IdGenerator,
  type NewUser,
  RandomIdGenerator,
  type User,
  type UserDirectory,
} from '@cruddur/core';
import { SortedList } from './sorted-list.js';

export interface InMemoryUserDirectoryOptions {
  /** Where new users' uuids come from; a SequentialIdGenerator makes tests deterministic. */
  readonly ids?: IdGenerator;
}

/**
 * The `users` table in memory, with its unique constraints on `handle` and
 * `cognito_user_id`. Handles are case-sensitive, as a plain PostgreSQL `text` column is.
 * Users are frozen, so what a caller gets back cannot change what is stored.
 */
export class InMemoryUserDirectory implements UserDirectory {
  readonly #ids: IdGenerator;
  readonly #byUuid = new Map<string, User>();
  /** Doubles as the handle index and the `listAll` order, so listing never sorts. */
  readonly #byHandle = new SortedList<User>((user) => user.handle);
  readonly #bySub = new Map<string, User>();

  constructor({ ids = new RandomIdGenerator() }: InMemoryUserDirectoryOptions = {}) {
    this.#ids = ids;
  }

  async findBySub(cognitoUserId: string): Promise<User | null> {
    return this.#bySub.get(cognitoUserId) ?? null;
  }

  async findByHandle(handle: string): Promise<User | null> {
    return this.#byHandle.get(handle) ?? null;
  }

  async findByUuids(uuids: readonly string[]): Promise<User[]> {
    return [...new Set(uuids)].flatMap((uuid) => this.#byUuid.get(uuid) ?? []);
  }

  async listAll(): Promise<User[]> {
    return this.#byHandle.slice(0, this.#byHandle.size);
  }

  async create({ handle, displayName, email, cognitoUserId = null }: NewUser): Promise<User> {
    if (this.#byHandle.get(handle)) throw new HandleTakenError(handle);
    if (cognitoUserId !== null && this.#bySub.has(cognitoUserId)) {
      throw new CognitoUserIdTakenError(cognitoUserId);
    }
    const uuid = this.#ids.uuid();
    if (this.#byUuid.has(uuid)) throw new Error(`The id generator repeated the uuid ${uuid}.`);
    const user = Object.freeze({ uuid, handle, displayName, email, cognitoUserId });
    this.#store(user);
    return user;
  }

  async setCognitoUserId(handle: string, cognitoUserId: string): Promise<boolean> {
    const user = this.#byHandle.get(handle);
    if (!user) return false;
    const owner = this.#bySub.get(cognitoUserId);
    if (owner && owner.uuid !== user.uuid) throw new CognitoUserIdTakenError(cognitoUserId);
    if (user.cognitoUserId !== null) this.#bySub.delete(user.cognitoUserId);
    this.#byHandle.remove(handle);
    this.#store(Object.freeze({ ...user, cognitoUserId }));
    return true;
  }

  #store(user: User): void {
    this.#byUuid.set(user.uuid, user);
    this.#byHandle.insert(user);
    if (user.cognitoUserId !== null) this.#bySub.set(user.cognitoUserId, user);
  }
}
