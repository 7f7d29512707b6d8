import { migrate } from '@cruddur/adapters-aws/postgres';
import type { Command } from '../command.js';
import {
  appliedMigrations,
  databaseName,
  describeApplied,
  maintenanceUrl,
  quoteIdentifier,
  sqlState,
} from './database-url.js';

const DUPLICATE_DATABASE = '42P04';

export const setup: Command = {
  name: 'setup',
  summary: 'create the database if missing, then migrate',
  details:
    'Connects to the "postgres" database on the same server to create the one CONNECTION_URL names ' +
    '(the user needs CREATEDB), then runs "db migrate" on it. Running it again changes nothing.',
  async run({ out, session }) {
    const url = session.postgresUrl();
    const name = databaseName(url);
    const admin = session.postgres(maintenanceUrl(url));
    const created = await session.call('postgres', async () => {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rows.length > 0) return false;
      try {
        await admin.query(`create database ${quoteIdentifier(name)}`);
        return true;
      } catch (error) {
        // Another setup created it between our check and our create: the outcome we wanted.
        if (sqlState(error) === DUPLICATE_DATABASE) return false;
        throw error;
      }
    });
    const pool = session.postgres(url);
    const applied = appliedMigrations(await session.call('postgres', () => migrate(pool)));
    out.result({ database: name, created, applied }, () =>
      [
        `${created ? 'created database' : 'database exists:'} ${name} at ${session.where('postgres')}`,
        describeApplied(applied),
      ].join('\n'),
    );
  },
};
