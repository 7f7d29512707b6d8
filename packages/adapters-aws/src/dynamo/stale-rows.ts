import { type ItemKey, instantOfInboxSortKey, isCanonicalInboxSortKey } from './keys.js';

/**
 * Which of a group's inbox rows (as listed by `message-group-sk-index`) are stale: in each
 * owner's partition, every row but the newest. Deleting only rows older than one the owner
 * can already see means no member ever loses the group from their inbox, whichever send
 * runs this and whenever. Rows whose time cannot be read rank oldest; at equal times a row
 * in our own format beats one in the original's (same message, two spellings).
 */
export const staleInboxRows = (rows: readonly ItemKey[]): ItemKey[] => {
  const rank = (sk: string): string => `${instantOfInboxSortKey(sk) ?? ''}|${isCanonicalInboxSortKey(sk) ? 1 : 0}`;
  const newest = new Map<string, ItemKey>();
  for (const row of rows) {
    const current = newest.get(row.pk);
    if (current === undefined || rank(row.sk) > rank(current.sk)) newest.set(row.pk, row);
  }
  return rows.filter((row) => newest.get(row.pk) !== row);
};
