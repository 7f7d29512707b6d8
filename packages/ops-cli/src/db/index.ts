import type { CommandGroup } from '../command.js';
import { LOCAL_POSTGRES_URL } from '../targets.js';
import { drop } from './drop.js';
import { migrate } from './migrate.js';
import { schemaLoad } from './schema-load.js';
import { seed } from './seed.js';
import { setup } from './setup.js';

export const dbGroup: CommandGroup = {
  name: 'db',
  summary: 'the PostgreSQL database (users)',
  options: {},
  environment: [['CONNECTION_URL', `PostgreSQL URL (default ${LOCAL_POSTGRES_URL}); required with --prod`]],
  commands: [setup, schemaLoad, migrate, seed, drop],
};
