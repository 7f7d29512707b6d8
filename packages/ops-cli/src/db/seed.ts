import type { PgPool } from '@cruddur/adapters-aws/postgres';
import type { UserDirectory } from '@cruddur/core';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import type { SeedUser } from '../seed/seed-data.js';
import { loadSeed } from '../seed/seed-file.js';
import { formatTable } from '../table.js';
import { isUuid } from '../uuid.js';
import { sqlState } from './database-url.js';

type SeedStatus = 'created' | 'exists' | 'exists with another uuid' | 'uuid taken';

const UNIQUE_VIOLATION = '23505';

/**
 * Inserted with the seed's own uuid (PgUserDirectory.create makes a random one), so that the
 * conversations `ddb seed` writes for these uuids belong to these users.
 */
const seedUser = async (pool: PgPool, users: UserDirectory, user: SeedUser): Promise<SeedStatus> => {
  const existing = await users.findByHandle(user.handle);
  if (existing !== null) return existing.uuid === user.uuid ? 'exists' : 'exists with another uuid';
  try {
    await pool.query('insert into users (uuid, handle, display_name, email) values ($1, $2, $3, $4)', [
      user.uuid,
      user.handle,
      user.displayName,
      user.email,
    ]);
    return 'created';
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    // The handle was free a moment ago, so either another seed just made it or the uuid is in use.
    return (await users.findByHandle(user.handle))?.uuid === user.uuid ? 'exists' : 'uuid taken';
  }
};

export const seed: Command = {
  name: 'seed',
  summary: 'insert the demo users (or the users of --file)',
  details:
    'The same users, with the same uuids, that "ddb seed" writes conversations for. Users whose ' +
    'handle exists are left as they are; Cognito ids stay empty until "cognito sync-user-ids".',
  options: {
    file: { type: 'string', value: '<seed.json>', description: 'take the users from this seed file' },
  },
  async run({ args, out, session }) {
    const { users } = await loadSeed(args.text('file'));
    const invalid = users.find((u) => !isUuid(u.uuid));
    if (invalid !== undefined)
      throw new UsageError(`seed: user ${invalid.handle}: "${invalid.uuid}" is not a uuid`);
    const pool = session.postgres();
    const directory = session.users();
    const report = await session.call('postgres', async () => {
      const lines: Array<{ user: SeedUser; status: SeedStatus }> = [];
      for (const user of users) lines.push({ user, status: await seedUser(pool, directory, user) });
      return lines;
    });
    const created = report.filter((line) => line.status === 'created').length;
    const json = report.map(({ user, status }) => ({
      uuid: user.uuid,
      handle: user.handle,
      display_name: user.displayName,
      status,
    }));
    out.result(json, () =>
      [
        formatTable(
          [{ header: 'HANDLE' }, { header: 'UUID' }, { header: 'NAME' }, { header: 'STATUS' }],
          report.map(({ user, status }) => [`@${user.handle}`, user.uuid, user.displayName, status]),
        ),
        `created ${created} of ${report.length} users at ${session.where('postgres')}`,
      ].join('\n'),
    );
  },
};
