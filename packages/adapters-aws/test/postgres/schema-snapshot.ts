import type { PgPool } from '../../src/postgres/index.js';

/** The columns of the tables the migrations make, and the migrations recorded: what "same schema" means. */
export async function schemaSnapshot(pool: PgPool): Promise<unknown> {
  const columns = await pool.query(
    `select table_name, column_name, data_type, is_nullable
     from information_schema.columns
     where table_schema = current_schema()
       and table_name in ('users', 'activities', 'event_tickets', 'schema_migrations')`,
  );
  const migrations = await pool.query<{ id: number; name: string }>('select id, name from schema_migrations');
  const byName = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;
  return {
    columns: [...columns.rows].sort(byName),
    migrations: migrations.rows
      .map((row) => ({ id: Number(row.id), name: row.name }))
      .sort((a, b) => a.id - b.id),
  };
}
