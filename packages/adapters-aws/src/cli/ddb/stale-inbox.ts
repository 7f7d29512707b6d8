import { inboxSortKey, instantOfInboxSortKey } from '../../dynamo/index.js';

/**
 * The ranking behind `ddb repair --dry-run`. The dynamo module ranks rows the same way
 * (`staleInboxRows`, not exported); test/cli/stale-inbox.test.ts checks the two agree.
 */

/** An inbox row as `message-group-sk-index` lists it. */
export interface InboxRow {
  readonly pk: string;
  readonly sk: string;
  readonly groupUuid: string;
  readonly message: string;
}

/** Our sort key spells the instant plus the group; the original's is a bare time. */
const isOurSpelling = (row: InboxRow): boolean => {
  const at = instantOfInboxSortKey(row.sk);
  return at !== null && row.sk === inboxSortKey(at, row.groupUuid);
};

/**
 * The same ranking the adapter applies after each send: later instant first; unreadable
 * times rank oldest; at one instant our spelling beats the original's (one message, two rows);
 * the sort key settles anything left, so the choice never depends on scan order.
 */
const isNewer = (row: InboxRow, than: InboxRow): boolean => {
  const [at, thanAt] = [instantOfInboxSortKey(row.sk), instantOfInboxSortKey(than.sk)];
  if (at !== thanAt) return thanAt === null || (at !== null && at > thanAt);
  if (isOurSpelling(row) !== isOurSpelling(than)) return isOurSpelling(row);
  return row.sk > than.sk;
};

const newestBy = (rows: Iterable<InboxRow>, key: (row: InboxRow) => string): Map<string, InboxRow> => {
  const newest = new Map<string, InboxRow>();
  for (const row of rows) {
    const current = newest.get(key(row));
    if (current === undefined || isNewer(row, current)) newest.set(key(row), row);
  }
  return newest;
};

export interface InboxSweep {
  readonly groups: number;
  /** Rows to delete: per (owner, group), every row but the newest. */
  readonly stale: readonly InboxRow[];
  /**
   * Kept rows older than their group's newest row. Both members' rows of a group carry the
   * same last message, so these belong to a send that stopped before its inbox step (or to
   * the original system, which updated inboxes from a stream): repair rewrites them.
   */
  readonly behind: readonly InboxRow[];
}

export const sweepInbox = (rows: readonly InboxRow[]): InboxSweep => {
  // Only rows older than one the owner can already see are stale: deleting them never takes
  // a group out of anyone's inbox, whatever sends run meanwhile.
  const kept = newestBy(rows, (row) => `${row.groupUuid}\n${row.pk}`);
  const latest = newestBy(kept.values(), (row) => row.groupUuid);
  const instant = (row: InboxRow | undefined) => (row === undefined ? null : instantOfInboxSortKey(row.sk));
  return {
    groups: latest.size,
    stale: rows.filter((row) => kept.get(`${row.groupUuid}\n${row.pk}`) !== row),
    behind: [...kept.values()].filter((row) => instant(row) !== instant(latest.get(row.groupUuid))),
  };
};
