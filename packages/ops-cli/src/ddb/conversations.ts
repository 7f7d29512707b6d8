import type { InboxEntry } from '@cruddur/core';
import type { Command, CommandContext } from '../command.js';
import { CliError } from '../errors.js';
import { counted, formatTable } from '../table.js';
import { isUuid } from '../uuid.js';
import { collectPages } from './pages.js';

/** The HTTP API's message-group fields (design §5): uuid is the group, the rest the other member. */
const toJson = (e: InboxEntry) => ({
  uuid: e.groupUuid,
  display_name: e.otherUser.displayName,
  handle: e.otherUser.handle,
  message: e.lastMessage,
  created_at: e.lastMessageAt,
});

/**
 * Inbox partitions are keyed by user uuid; the handle → uuid mapping lives in PostgreSQL
 * (as in the original's list-conversations script). A uuid skips that lookup.
 */
const ownerUuid = async ({ args, session }: CommandContext): Promise<{ uuid: string; label: string }> => {
  const who = args.positional(0).replace(/^@/, '');
  if (isUuid(who)) return { uuid: who, label: who };
  const users = session.users();
  const user = await session.call('postgres', () => users.findByHandle(who));
  if (user === null)
    throw new CliError(`no user has the handle "${who}" in PostgreSQL at ${session.where('postgres')}`);
  return { uuid: user.uuid, label: `@${user.handle} (${user.uuid})` };
};

export const conversations: Command = {
  name: 'conversations',
  summary: "print a user's inbox: one row per message group, latest activity first",
  details:
    'Takes a handle (looked up in PostgreSQL, see CONNECTION_URL) or a user uuid (no PostgreSQL ' +
    'needed). Reads through the adapter across every page; --limit keeps the first n groups.',
  arguments: [{ name: 'handle', description: 'a handle (mira or @mira) or a user uuid' }],
  options: { limit: { type: 'string', value: '<n>', description: 'only the n most recently active groups' } },
  async run(context) {
    const { args, out, session } = context;
    const limit = args.count('limit');
    const owner = await ownerUuid(context);
    const adapter = session.conversations();
    const pages = await session.call('dynamodb', () =>
      collectPages((page) => adapter.listInbox(owner.uuid, page), limit),
    );
    const entries = pages.flat().slice(0, limit);
    out.result(entries.map(toJson), () =>
      [
        formatTable(
          [
            { header: 'GROUP' },
            { header: 'WITH' },
            { header: 'NAME', maxWidth: 24 },
            { header: 'LAST MESSAGE', maxWidth: 60 },
            { header: 'AT' },
          ],
          entries.map((e) => [
            e.groupUuid,
            `@${e.otherUser.handle}`,
            e.otherUser.displayName,
            e.lastMessage,
            e.lastMessageAt,
          ]),
        ),
        `${counted(entries.length, 'conversation')} for ${owner.label}`,
      ].join('\n'),
    );
  },
};
