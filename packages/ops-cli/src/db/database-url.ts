import { MIGRATIONS } from '@cruddur/adapters-aws/postgres';
import { UsageError } from '../errors.js';

export const databaseName = (url: string): string => {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (name === '') throw new UsageError('CONNECTION_URL names no database (expected …:5432/cruddur)');
  return name;
};

/** CREATE/DROP DATABASE cannot run inside the database itself: they connect to `postgres`. */
export const maintenanceUrl = (url: string): string => {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
};

/** Database names cannot be bind parameters; quoting makes any name a single identifier. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export const sqlState = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

/** The migrations `migrate` ran, by id and name. */
export const appliedMigrations = (ids: readonly number[]) =>
  ids.map((id) => ({ id, name: MIGRATIONS.find((m) => m.id === id)?.name ?? '' }));

export const describeApplied = (applied: ReadonlyArray<{ id: number; name: string }>): string =>
  applied.length === 0
    ? `schema is up to date (${MIGRATIONS.length} migrations)`
    : `applied migration${applied.length === 1 ? '' : 's'} ${applied.map((m) => `${m.id} (${m.name})`).join(', ')}`;
