import { DependencyUnavailableError } from '@cruddur/core';
import type { PgPool } from './pg-pool.js';

/**
 * Readiness probe: resolves when PostgreSQL answers a query on `users`, otherwise rejects
 * with DependencyUnavailableError. Any failure counts here, not only outages: a wrong password,
 * a missing database or an unmigrated schema also means this instance cannot serve, and its
 * cause says which.
 */
export async function checkPostgres(pool: PgPool): Promise<void> {
  try {
    await pool.query('select 1 as ready from users limit 1');
  } catch (error) {
    throw new DependencyUnavailableError('postgres', 1, { cause: error });
  }
}
