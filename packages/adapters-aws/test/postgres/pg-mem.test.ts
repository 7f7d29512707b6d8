import { runUserDirectoryContract } from '@cruddur/core/testing';
import { CachingUserDirectory, migrate, PgUserDirectory } from '../../src/postgres/index.js';
import { pgMemPool } from '@cruddur/engines';
import { runMigrationChecks } from './migration-checks.js';

runUserDirectoryContract('PgUserDirectory on pg-mem', async () => {
  const pool = pgMemPool();
  await migrate(pool);
  return new PgUserDirectory(pool);
});

// Misses are cached too here, so "visible to the next lookup" also pins the invalidation of a
// remembered "no such user".
runUserDirectoryContract('CachingUserDirectory around PgUserDirectory on pg-mem', async () => {
  const pool = pgMemPool();
  await migrate(pool);
  return new CachingUserDirectory(new PgUserDirectory(pool), {
    maxEntries: 100,
    ttlMs: 60_000,
    negativeTtlMs: 60_000,
  });
});

runMigrationChecks('pg-mem', async () => pgMemPool());
