import { SyncCognitoUserIds, type SyncOutcome } from '@cruddur/core';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

/** What each outcome asks of the operator, shown under the table when it occurs. */
const ADVICE: Partial<Record<SyncOutcome, string>> = {
  relinked: 'had another sub before (a re-created Cognito account?)',
  no_local_user: 'have no user row with that handle (run "db seed", or sign them up)',
  sub_taken: 'have a sub already linked to another user',
  duplicate_handle: 'share a handle with another Cognito user, so none was linked',
};

export const syncUserIds: Command = {
  name: 'sync-user-ids',
  summary: "copy each Cognito user's sub onto the PostgreSQL user with the same handle",
  details: 'Reads every page of the pool, then links users by handle (the SyncCognitoUserIds use case).',
  async run({ out, session }) {
    // Opened before any work, so a bad configuration fails before anything is written.
    const directory = session.identityProvider();
    const users = session.users();
    // Cognito failures are reported as Cognito's, everything else as PostgreSQL's.
    const identityProvider = { listUsers: () => session.call('cognito', () => directory.listUsers()) };
    const report = await session.call('postgres', () =>
      new SyncCognitoUserIds({ users, identityProvider }).execute(),
    );
    const counts = new Map<SyncOutcome, number>();
    for (const { outcome } of report) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    out.result(report, () =>
      [
        formatTable(
          [{ header: 'HANDLE' }, { header: 'SUB' }, { header: 'OUTCOME' }],
          report.map((line) => [line.handle, line.sub, line.outcome]),
        ),
        [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ') || 'no Cognito users',
        ...[...counts.keys()].flatMap((outcome) => {
          const advice = ADVICE[outcome];
          return advice === undefined ? [] : [`${outcome}: ${counts.get(outcome)} user(s) ${advice}`];
        }),
      ].join('\n'),
    );
  },
};
