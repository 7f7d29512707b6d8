import { createRequire } from 'node:module';
import type pg from 'pg';

/** pg-mem's pool is `pg`-compatible: typed as `pg.Pool`, so it goes wherever a pool does. */
export type ClosablePgPool = pg.Pool;

/**
 * pg-mem is CommonJS: required on first use, so importing the engines
 * needs only the engines one starts (the pools stay synchronous to open).
 */
const pgMem = (): typeof import('pg-mem') => createRequire(import.meta.url)('pg-mem');

/**
 * One fresh in-process pg-mem database; each call of the returned function opens a new
 * `pg`-compatible pool on it, as each process connecting to one server would.
 */
export const pgMemDatabase = (): (() => ClosablePgPool) => {
  const db = pgMem().newDb();
  return () => {
    const { Pool } = db.adapters.createPg();
    const pool: ClosablePgPool = new Pool();
    return pool;
  };
};

/** A fresh in-process pg-mem database behind a `pg`-compatible pool. */
export const pgMemPool = (): ClosablePgPool => pgMemDatabase()();
