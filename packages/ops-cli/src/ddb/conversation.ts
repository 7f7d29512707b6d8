import type { Message } from '@cruddur/core';
import type { Command } from '../command.js';
import { CliError, UsageError } from '../errors.js';
import { counted, formatTable } from '../table.js';
import { isUuid } from '../uuid.js';
import { collectPages } from './pages.js';

/** The HTTP API's message fields (design §5), so scripts can treat both outputs alike. */
const toJson = (m: Message) => ({
  uuid: m.uuid,
  display_name: m.sender.displayName,
  handle: m.sender.handle,
  message: m.text,
  created_at: m.createdAt,
});

export const conversation: Command = {
  name: 'conversation',
  summary: 'print the messages of one message group, oldest first',
  details:
    'Reads through the adapter (the same pages the API serves), across the whole history; ' +
    'with --limit, the newest n messages. No membership check: this is an operator tool.',
  arguments: [{ name: 'group-uuid', description: 'the message_group_uuid' }],
  options: { limit: { type: 'string', value: '<n>', description: 'only the newest n messages' } },
  async run({ args, out, session }) {
    const groupUuid = args.positional(0);
    if (!isUuid(groupUuid)) throw new UsageError(`"${groupUuid}" is not a message group uuid`);
    const limit = args.count('limit');
    const conversations = session.conversations();
    const { tableName } = session.dynamo();
    const { messages, members } = await session.call('dynamodb', async () => {
      // Pages come newest first and each runs oldest to newest, so reversing the pages
      // (not the messages) gives the whole history in order.
      const pages = await collectPages((page) => conversations.listMessages(groupUuid, page), limit);
      const all = pages.reverse().flat();
      return {
        messages: limit === undefined ? all : all.slice(-limit),
        members: await conversations.findGroupMembers(groupUuid),
      };
    });
    if (messages.length === 0 && members === null) {
      throw new CliError(
        `no message group ${groupUuid} in table ${tableName} at ${session.where('dynamodb')}`,
      );
    }
    out.result(messages.map(toJson), () =>
      [
        formatTable(
          [
            { header: 'CREATED_AT' },
            { header: 'HANDLE' },
            { header: 'NAME', maxWidth: 24 },
            { header: 'MESSAGE', maxWidth: 80 },
          ],
          messages.map((m) => [m.createdAt, `@${m.sender.handle}`, m.sender.displayName, m.text]),
        ),
        `${counted(messages.length, 'message')} in group ${groupUuid}`,
      ].join('\n'),
    );
  },
};
