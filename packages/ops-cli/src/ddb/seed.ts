import { randomUUID } from 'node:crypto';
import { bulkLoad } from '@cruddur/adapters-aws/dynamo';
import type { Command } from '../command.js';
import { loadSeed } from '../seed/seed-file.js';
import { planConversations } from '../seed/seed-plan.js';
import { counted, formatTable } from '../table.js';
import { seedConversations } from './seed-conversations.js';

export const seed: Command = {
  name: 'seed',
  summary: 'load the demo conversations (or --file) into the table',
  details:
    "Bulk rows go through the adapter's bulk loader, BatchWriteItem calls of 25 (progress on stderr; " +
    'unprocessed items are retried with backoff, and the command fails if some remain); each conversation ends with one send ' +
    'through the adapter, so inbox rows and markers are what the API would have written.\n' +
    'A pair that already has messages is skipped, so running it again changes nothing. ' +
    'The users are the same as "db seed" loads, with the same uuids.\n' +
    'Seed file format: see the ops-cli README, section Seeding.',
  options: {
    file: { type: 'string', value: '<seed.json>', description: 'load this file instead of the demo set' },
  },
  async run({ args, out, session }) {
    const data = await loadSeed(args.text('file'));
    const plan = planConversations(data, session.now(), randomUUID);
    const table = session.dynamo();
    const conversations = session.conversations();
    const progress = out.progress('ddb seed: messages');
    const outcomes = await session
      .call('dynamodb', () =>
        seedConversations(
          { conversations, bulkLoad: (load, options) => bulkLoad(table, load, options) },
          plan,
          { onProgress: progress.update },
        ),
      )
      // Also on failure, so the error line does not start in the middle of the bar. (The
      // sends' inbox sweeps run in the background; the session finishes them before it closes.)
      .finally(progress.end);
    const seeded = outcomes.filter((o) => o.status === 'seeded');
    const json = outcomes.map((o) => ({
      group_uuid: o.groupUuid,
      members: o.members.map((m) => m.handle),
      messages: o.messages,
      status: o.status,
    }));
    out.result(json, () =>
      [
        formatTable(
          [
            { header: 'GROUP' },
            { header: 'MEMBERS' },
            { header: 'MESSAGES', align: 'right' },
            { header: 'STATUS' },
          ],
          outcomes.map((o) => [
            o.groupUuid,
            o.members.map((m) => `@${m.handle}`).join(' '),
            String(o.messages),
            o.status,
          ]),
        ),
        `seeded ${counted(seeded.length, 'conversation')} ` +
          `(${seeded.reduce((n, o) => n + o.messages, 0)} messages) into ${table.tableName}; ` +
          `${outcomes.length - seeded.length} skipped (already had messages)`,
      ].join('\n'),
    );
  },
};
