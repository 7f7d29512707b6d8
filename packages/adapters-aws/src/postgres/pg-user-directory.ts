import { randomUUID } from 'node:crypto';
import {
  CognitoUserIdTakenError,
  HandleTakenError,
  type NewUser,
  type User,
  type UserDirectory,
} from '@cruddur/core';
import { translateUnavailable, uniqueViolation } from './pg-errors.js';
import type { PgPool, PgRow } from './pg-pool.js';
import { toUser, USER_COLUMNS, type UserRow } from './user-rows.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps each `IN (...)` far below PostgreSQL's 65 535 bind parameters per statement. */
const UUIDS_PER_QUERY = 1_000;

/** `UserDirectory` on the PostgreSQL `users` table (design §7), through an injected pool. */
export class PgUserDirectory implements UserDirectory {
  constructor(private readonly pool: PgPool) {}

  async findBySub(cognitoUserId: string): Promise<User | null> {
    const rows = await this.select(`select ${USER_COLUMNS} from users where cognito_user_id = $1`, [
      cognitoUserId,
    ]);
    return rows[0] ?? null;
  }

  async findByHandle(handle: string): Promise<User | null> {
    const rows = await this.select(`select ${USER_COLUMNS} from users where handle = $1`, [handle]);
    return rows[0] ?? null;
  }

  async findByUuids(uuids: readonly string[]): Promise<User[]> {
    // A string that is not a uuid names no user; PostgreSQL would reject it with 22P02.
    const wanted = [...new Set(uuids.filter((uuid) => UUID.test(uuid)))];
    const found: User[] = [];
    for (let start = 0; start < wanted.length; start += UUIDS_PER_QUERY) {
      const chunk = wanted.slice(start, start + UUIDS_PER_QUERY);
      // An IN list, not `= ANY($1)`: pg-mem answers ANY over an indexed column with no rows.
      const params = chunk.map((_, i) => `$${i + 1}`).join(', ');
      found.push(
        ...(await this.select(`select ${USER_COLUMNS} from users where uuid in (${params})`, chunk)),
      );
    }
    return found;
  }

  async listAll(): Promise<User[]> {
    const users = await this.select(`select ${USER_COLUMNS} from users`, []);
    // Sorted here rather than by ORDER BY: PostgreSQL orders text by the database's collation and
    // pg-mem by code unit, so only this gives the same order on every engine.
    return users.sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0));
  }

  async create(user: NewUser): Promise<User> {
    const cognitoUserId = user.cognitoUserId ?? null;
    const [created] = await this.write<UserRow>(
      `insert into users (uuid, handle, display_name, email, cognito_user_id)
       values ($1, $2, $3, $4, $5) returning ${USER_COLUMNS}`,
      [randomUUID(), user.handle, user.displayName, user.email, cognitoUserId],
      { handle: user.handle, cognitoUserId },
    );
    if (created === undefined) throw new Error('INSERT … RETURNING gave no row.');
    return toUser(created);
  }

  async setCognitoUserId(handle: string, cognitoUserId: string): Promise<boolean> {
    // RETURNING rather than rowCount: pg-mem and PostgreSQL agree on the rows it gives back.
    const updated = await this.write<{ uuid: string }>(
      'update users set cognito_user_id = $2 where handle = $1 returning uuid',
      [handle, cognitoUserId],
      { handle, cognitoUserId },
    );
    return updated.length > 0;
  }

  private async select(text: string, values: unknown[]): Promise<User[]> {
    return (await this.query<UserRow>(text, values)).map(toUser);
  }

  private async query<R extends PgRow>(text: string, values: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (error) {
      throw translateUnavailable(error);
    }
  }

  /** A write whose unique violations become the domain's "taken" errors. */
  private async write<R extends PgRow>(
    text: string,
    values: unknown[],
    attempted: { handle: string; cognitoUserId: string | null },
  ): Promise<R[]> {
    try {
      return await this.query<R>(text, values);
    } catch (error) {
      switch (takenField(error)) {
        case 'handle':
          throw new HandleTakenError(attempted.handle, { cause: error });
        case 'cognitoUserId':
          throw new CognitoUserIdTakenError(attempted.cognitoUserId ?? '', { cause: error });
        case null:
          throw error;
      }
    }
  }
}

type UniqueField = 'handle' | 'cognitoUserId';
const BY_CONSTRAINT = new Map<string | null, UniqueField>([
  ['users_handle_key', 'handle'],
  ['users_cognito_user_id_key', 'cognitoUserId'],
]);
const BY_COLUMN = new Map<string | null, UniqueField>([
  ['handle', 'handle'],
  ['cognito_user_id', 'cognitoUserId'],
]);

/** Which unique field a failed write collided on: by constraint name (PostgreSQL), else by column (pg-mem). */
function takenField(error: unknown): UniqueField | null {
  const violation = uniqueViolation(error);
  if (violation === null) return null;
  return BY_CONSTRAINT.get(violation.constraint) ?? BY_COLUMN.get(violation.column) ?? null;
}
