import type { Command } from '../command.js';
import { counted, formatTable } from '../table.js';

export const listUsers: Command = {
  name: 'list-users',
  summary: "list the user pool's users: handle and sub (every page)",
  details: 'Handle = preferred_username, else the Cognito username: the name "sync-user-ids" matches on.',
  async run({ out, session }) {
    const directory = session.identityProvider();
    const users = await session.call('cognito', () => directory.listUsers());
    out.result(users, () =>
      [
        formatTable(
          [{ header: 'HANDLE' }, { header: 'SUB' }],
          users.map((u) => [u.handle, u.sub]),
        ),
        `${counted(users.length, 'user')} in ${session.where('cognito')}`,
      ].join('\n'),
    );
  },
};
