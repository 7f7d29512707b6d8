import { migrate as runMigrations } from '@cruddur/adapters-aws/postgres';
import type { Command } from '../command.js';
import { appliedMigrations, describeApplied } from './database-url.js';

export const migrate: Command = {
  name: 'migrate',
  summary: 'apply the pending schema migrations',
  details:
    'Idempotent: migrations already recorded in schema_migrations are skipped. Safe to run from several places at once.',
  async run({ out, session }) {
    const pool = session.postgres();
    const applied = appliedMigrations(await session.call('postgres', () => runMigrations(pool)));
    out.result({ applied }, () => `${describeApplied(applied)} at ${session.where('postgres')}`);
  },
};
