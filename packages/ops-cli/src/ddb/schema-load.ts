import { ensureMessagesTable, MESSAGE_GROUP_INDEX } from '@cruddur/adapters-aws/dynamo';
import type { Command } from '../command.js';

export const schemaLoad: Command = {
  name: 'schema-load',
  summary: 'create the messages table and its group index if missing',
  details:
    'Creates the table of design §6 (pk/sk strings, on-demand billing) with the GSI ' +
    `${MESSAGE_GROUP_INDEX}, and waits until both are ACTIVE. On an existing table it changes nothing.`,
  async run({ out, session }) {
    const { client, tableName } = session.dynamo();
    const outcome = await session.call('dynamodb', () => ensureMessagesTable(client, tableName));
    out.result({ table: tableName, outcome, endpoint: session.where('dynamodb') }, () =>
      outcome === 'created'
        ? `created table ${tableName} with index ${MESSAGE_GROUP_INDEX} at ${session.where('dynamodb')}`
        : `table ${tableName} already exists at ${session.where('dynamodb')}; nothing changed`,
    );
  },
};
