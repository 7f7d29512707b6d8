import { DependencyUnavailableError } from '@cruddur/core';
import { expect, it } from 'vitest';
import { pgMemPool } from '@cruddur/engines';
import { checkPostgres, migrate } from '../../src/postgres/index.js';

it('counts a database without the users table as not ready, and a migrated one as ready', async () => {
  const pool = pgMemPool();
  await expect(checkPostgres(pool)).rejects.toThrow(DependencyUnavailableError);
  await migrate(pool);
  await expect(checkPostgres(pool)).resolves.toBeUndefined();
});
