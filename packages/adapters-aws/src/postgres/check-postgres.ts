import { DependencyUnavailableError } from '@cruddur/core';
import type { PgPool } from './pg-pool.js';

/**
 * Readiness probe: resolves when PostgreSQL answers `select 1`, otherwise rejects with
 * DependencyUnavailableError. Any failure counts here, not only outages: a wrong password or
 * a missing database also means this instance cannot serve, and its cause says which.
 */
export async function checkPostgres(pool: PgPool): Promise<void> {
  try {
    await pool.query('select 1 as ready');
  } catch (error) {
    throw new DependencyUnavailableError('postgres', 1, { cause: error });
  }
}
