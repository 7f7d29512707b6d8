import { type ItemKey, instantOfInboxSortKey, isCanonicalInboxSortKey } from './keys.js';

/**
 * Which of a group's inbox rows (as listed by `message-group-sk-index`) are stale: in each
 * owner's partition, every row but the newest. Deleting only rows older than one the owner
 * can already see means no member ever loses the group from their inbox, whichever send
 * runs this and whenever. Rows whose time cannot be read rank oldest; at equal times a row
 * in the fixed-width bare form we write beats any other spelling of the same instant (the
 * original's variants, or the `<instant>#<group>` keys earlier versions wrote).
 */
const isNewer = (sk: string, than: string): boolean => {
  const [at, thanAt] = [instantOfInboxSortKey(sk), instantOfInboxSortKey(than)];
  if (at !== thanAt) return thanAt === null || (at !== null && at > thanAt);
  return isCanonicalInboxSortKey(sk) && !isCanonicalInboxSortKey(than);
};

export const staleInboxRows = <Row extends ItemKey>(rows: readonly Row[]): Row[] => {
  const newest = new Map<string, Row>();
  for (const row of rows) {
    const current = newest.get(row.pk);
    if (current === undefined || isNewer(row.sk, current.sk)) newest.set(row.pk, row);
  }
  return rows.filter((row) => newest.get(row.pk) !== row);
};
