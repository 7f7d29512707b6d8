import { MESSAGE_GROUP_INDEX } from '../../dynamo/index.js';
import type { DynamoTable } from '../session.js';
import { formatTable } from '../table.js';
import { scanPages } from './pages.js';
import { type InboxRow, sweepInbox } from './stale-inbox.js';

/** Every inbox row of the table: the group index holds exactly those (design §6). */
const inboxRows = async (table: DynamoTable): Promise<InboxRow[]> => {
  const rows: InboxRow[] = [];
  const pages = scanPages(table, {
    TableName: table.tableName,
    IndexName: MESSAGE_GROUP_INDEX,
    ProjectionExpression: '#pk, #sk, #group, #message',
    ExpressionAttributeNames: {
      '#pk': 'pk',
      '#sk': 'sk',
      '#group': 'message_group_uuid',
      '#message': 'message',
    },
  });
  for await (const page of pages) {
    for (const { pk, sk, message_group_uuid: groupUuid, message } of page) {
      if (typeof pk !== 'string' || typeof sk !== 'string' || typeof groupUuid !== 'string') continue;
      rows.push({ pk, sk, groupUuid, message: typeof message === 'string' ? message : '' });
    }
  }
  return rows;
};

const rowJson = (row: InboxRow) => ({
  pk: row.pk,
  sk: row.sk,
  group_uuid: row.groupUuid,
  message: row.message,
});

/**
 * What `repair` would do to the inbox rows, read-only: the dynamo module's `repair()` has no
 * dry-run mode, so this reads the group index (every page) and ranks rows as the adapter does.
 * It does not read group items or message rows, so it cannot foresee groups to adopt or
 * markers left behind a message row; those show up in the real run's report.
 */
export const previewRepair = async (table: DynamoTable) => {
  const rows = await inboxRows(table);
  const { groups, stale, behind } = sweepInbox(rows);
  return {
    json: {
      dry_run: true,
      scanned: rows.length,
      groups,
      stale: stale.map(rowJson),
      behind: behind.map(rowJson),
    },
    human: () =>
      [
        formatTable(
          [
            { header: 'OWNER' },
            { header: 'GROUP' },
            { header: 'SK' },
            { header: 'MESSAGE', maxWidth: 50 },
            { header: 'REPAIR WOULD' },
          ],
          [
            ...stale.map((row) => [row.pk, row.groupUuid, row.sk, row.message, 'delete (stale)']),
            ...behind.map((row) => [
              row.pk,
              row.groupUuid,
              row.sk,
              row.message,
              'rewrite (behind its group)',
            ]),
          ],
        ),
        `dry run: ${rows.length} inbox rows in ${groups} groups; ${stale.length} stale, ` +
          `${behind.length} behind their group's latest message; nothing changed`,
      ].join('\n'),
  };
};
