import { MIGRATIONS, type Migration } from './migrations.js';
import { translateUnavailable, uniqueViolation } from './pg-errors.js';
import type { PgPool } from './pg-pool.js';

/**
 * Brings the schema up to date and returns the ids of the migrations it ran (none when the
 * schema is current, so running it again is a no-op). Safe to run from several processes.
 */
export async function migrate(
  pool: PgPool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  try {
    await ensureMigrationsTable(pool);
    const { rows } = await pool.query<{ id: number }>('select id from schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.id)));
    const ran: number[] = [];
    for (const migration of inOrder(migrations)) {
      if (!applied.has(migration.id) && (await apply(pool, migration))) ran.push(migration.id);
    }
    return ran;
  } catch (error) {
    throw translateUnavailable(error);
  }
}

function inOrder(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.id - b.id);
  sorted.forEach((migration, i) => {
    if (i > 0 && sorted[i - 1]?.id === migration.id)
      throw new Error(`Two migrations have id ${migration.id}.`);
  });
  return sorted;
}

async function ensureMigrationsTable(pool: PgPool): Promise<void> {
  // Checked before creating, because pg-mem cannot re-run `create table if not exists` on a
  // table that exists (it rejects the constraint clauses it would skip).
  if (await migrationsTableExists(pool)) return;
  try {
    await pool.query(
      `create table schema_migrations (
        id integer primary key,
        name text not null,
        applied_at timestamp not null default current_timestamp
      )`,
    );
  } catch (error) {
    // Another migrator created it between our check and our create; engines word that
    // differently (42P07, a 23505 on the catalog, or pg-mem's uncoded error), so look again.
    if (!(await migrationsTableExists(pool))) throw error;
  }
}

async function migrationsTableExists(pool: PgPool): Promise<boolean> {
  const { rows } = await pool.query(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_name = 'schema_migrations'`,
  );
  return rows.length > 0;
}

/** Runs one migration in a transaction; false when another process applied it first. */
async function apply(pool: PgPool, migration: Migration): Promise<boolean> {
  const client = await pool.connect();
  let recorded = false;
  try {
    await client.query('begin');
    // The id is recorded first: a concurrent migrator then waits on this row's key until we
    // commit, fails with a unique violation and rolls back, so each step runs exactly once
    // without LOCK TABLE, which pg-mem does not parse. (pg-mem ignores the transaction itself.)
    await client.query('insert into schema_migrations (id, name) values ($1, $2)', [
      migration.id,
      migration.name,
    ]);
    recorded = true;
    for (const statement of migration.statements) await client.query(statement);
    await client.query('commit');
    client.release();
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    // Destroyed rather than reused: after a failure mid-transaction its state is unknown.
    client.release(true);
    if (!recorded && uniqueViolation(error) !== null) return false;
    throw error;
  }
}
