import { repair as repairTable } from '@cruddur/adapters-aws/dynamo';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

export const repair: Command = {
  name: 'repair',
  summary: 'finish interrupted sends and delete stale inbox rows',
  details:
    "Runs the dynamo module's repair(): reads the group index and the group items (every page), then " +
    'per group adopts groups the original system created, moves a marker left behind the newest ' +
    'message, rewrites inbox rows that do not show the latest message, and deletes stale rows. Safe ' +
    'while the API is serving: it uses the same forward-only marker as a send and only deletes rows ' +
    'older than one the owner already has.\n' +
    '--dry-run changes nothing: repair() reads as much and decides the same, but writes nothing, and ' +
    'the counts say what a real run would do.',
  options: { 'dry-run': { type: 'boolean', description: 'count what repair would change; change nothing' } },
  async run({ args, out, session }) {
    const table = session.dynamo();
    const dryRun = args.flag('dry-run');
    const report = await session.call('dynamodb', () =>
      repairTable(table.client, table.tableName, { dryRun }),
    );
    const lines: Array<[string, number]> = [
      ['groups checked', report.groupsChecked],
      ['groups adopted', report.groupsAdopted],
      ['inboxes rewritten', report.inboxesRewritten],
      ['stale rows deleted', report.staleRowsDeleted],
      ['groups skipped', report.groupsSkipped],
    ];
    const json = {
      dry_run: dryRun,
      groups_checked: report.groupsChecked,
      groups_adopted: report.groupsAdopted,
      inboxes_rewritten: report.inboxesRewritten,
      stale_rows_deleted: report.staleRowsDeleted,
      groups_skipped: report.groupsSkipped,
    };
    const where = `table ${table.tableName} at ${session.where('dynamodb')}`;
    out.result(json, () =>
      [
        dryRun ? `dry run on ${where}: what repair would do; nothing changed` : `repaired ${where}`,
        formatTable(
          [{ header: 'GROUPS / ROWS' }, { header: 'COUNT', align: 'right' }],
          lines.map(([label, n]) => [label, String(n)]),
        ),
        ...(report.groupsSkipped === 0
          ? []
          : ['skipped groups: their latest message names a member no inbox row describes; left as they are']),
      ].join('\n'),
    );
  },
};
