import { migrate } from '@cruddur/adapters-aws/postgres';
import { type Command, YES_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { appliedMigrations, describeApplied } from './database-url.js';

/** In drop order: activities references users. */
const SCHEMA_TABLES = ['event_tickets', 'activities', 'users', 'schema_migrations'] as const;

export const schemaLoad: Command = {
  name: 'schema-load',
  summary: 'load the schema from scratch (drops its tables first; needs --yes if they exist)',
  details:
    "Like the original's schema-load: drops event_tickets, activities, users and schema_migrations, then runs every " +
    'migration. On an empty database it needs no --yes; to upgrade a database in place, use "db migrate".',
  options: YES_OPTION,
  async run({ args, out, session }) {
    const pool = session.postgres();
    const existing = await session.call('postgres', async () => {
      const { rows } = await pool.query<{ table_name: string }>(
        `select table_name from information_schema.tables
         where table_schema = current_schema() and table_name in ($1, $2, $3, $4)`,
        [...SCHEMA_TABLES],
      );
      return SCHEMA_TABLES.filter((table) => rows.some((row) => row.table_name === table));
    });
    if (existing.length > 0 && !args.flag('yes')) {
      throw new UsageError(
        `db schema-load drops ${existing.join(', ')} and every row in them; add --yes, or use "db migrate" to upgrade in place`,
      );
    }
    const applied = await session.call('postgres', async () => {
      for (const table of existing) await pool.query(`drop table ${table}`);
      return appliedMigrations(await migrate(pool));
    });
    out.result({ dropped: existing, applied }, () =>
      [
        existing.length === 0 ? 'no schema tables to drop' : `dropped ${existing.join(', ')}`,
        `${describeApplied(applied)} at ${session.where('postgres')}`,
      ].join('\n'),
    );
  },
};
