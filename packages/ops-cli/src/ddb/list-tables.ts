import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Command } from '../command.js';
import { counted, formatTable } from '../table.js';

export const listTables: Command = {
  name: 'list-tables',
  summary: 'list the tables at the endpoint (every page)',
  async run({ out, session }) {
    const { client, tableName } = session.dynamo();
    const names = await session.call('dynamodb', async () => {
      const found: string[] = [];
      let start: string | undefined;
      do {
        const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
        found.push(...(page.TableNames ?? []));
        start = page.LastEvaluatedTableName;
      } while (start !== undefined);
      return found;
    });
    out.result(names, () =>
      [
        formatTable(
          [{ header: 'TABLE' }, { header: '' }],
          names.map((name) => [name, name === tableName ? '(messages table)' : '']),
        ),
        `${counted(names.length, 'table')} at ${session.where('dynamodb')}`,
      ].join('\n'),
    );
  },
};
