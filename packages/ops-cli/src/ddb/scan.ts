import { scanPages } from '@cruddur/adapters-aws/dynamo';
import type { Command } from '../command.js';
import { counted, formatTable } from '../table.js';

/** Every attribute but the key, as `name=value`: one line per item whatever its kind. */
const attributes = (item: Record<string, unknown>): string =>
  Object.entries(item)
    .filter(([name]) => name !== 'pk' && name !== 'sk')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');

export const scan: Command = {
  name: 'scan',
  summary: 'print every item of the table (all pages)',
  details:
    'Follows LastEvaluatedKey to the last page. On a large production table prefer --limit: ' +
    'a full Scan reads (and bills) every item.',
  options: {
    limit: { type: 'string', value: '<n>', description: 'stop after n items' },
    'page-size': { type: 'string', value: '<n>', description: 'items per Scan call (default: up to 1 MB)' },
  },
  async run({ args, out, session }) {
    const limit = args.count('limit');
    const pageSize = args.count('page-size');
    const table = session.dynamo();
    const { items, pages } = await session.call('dynamodb', async () => {
      const found: Array<Record<string, unknown>> = [];
      let calls = 0;
      for await (const page of scanPages(table, pageSize === undefined ? {} : { Limit: pageSize })) {
        calls += 1;
        found.push(...page);
        if (limit !== undefined && found.length >= limit) break;
      }
      return { items: found.slice(0, limit), pages: calls };
    });
    out.result(items, () =>
      [
        formatTable(
          [
            { header: 'PK', maxWidth: 45 },
            { header: 'SK', maxWidth: 70 },
            { header: 'ATTRIBUTES', maxWidth: 100 },
          ],
          items.map((item) => [String(item.pk ?? ''), String(item.sk ?? ''), attributes(item)]),
        ),
        `${counted(items.length, 'item')} in ${table.tableName} (${counted(pages, 'Scan call')})`,
      ].join('\n'),
    );
  },
};
