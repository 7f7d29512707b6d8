import { type Command, YES_OPTION } from '../command.js';
import { UsageError } from '../errors.js';
import { databaseName, maintenanceUrl, quoteIdentifier } from './database-url.js';

/** Dropping these would break the server itself, not just Cruddur. */
const SYSTEM_DATABASES = new Set(['postgres', 'template0', 'template1']);

export const drop: Command = {
  name: 'drop',
  summary: 'drop the database CONNECTION_URL names (needs --yes)',
  details:
    'Refuses without --yes, and always for postgres/template0/template1. A missing database is reported, not an error.',
  options: YES_OPTION,
  async run({ args, out, session }) {
    const url = session.postgresUrl();
    const name = databaseName(url);
    if (SYSTEM_DATABASES.has(name)) throw new UsageError(`refusing to drop the system database ${name}`);
    if (!args.flag('yes'))
      throw new UsageError(`db drop deletes database ${name} and all its data; add --yes to confirm`);
    const admin = session.postgres(maintenanceUrl(url));
    const existed = await session.call('postgres', async () => {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rows.length > 0) await admin.query(`drop database ${quoteIdentifier(name)}`);
      return rows.length > 0;
    });
    out.result({ database: name, dropped: existed }, () =>
      existed
        ? `dropped database ${name}`
        : `database ${name} does not exist at ${session.where('postgres')}; nothing to drop`,
    );
  },
};
