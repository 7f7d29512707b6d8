import { anInstant } from '@cruddur/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inboxKey } from '../../src/dynamo/index.js';
import { staleInboxRows } from '../../src/dynamo/stale-rows.js';

const GROUP = 'group-1';

/** One group's rows as a table may hold them: our spelling, the original's, an earlier version's, or an unreadable time. */
const aGroupsRows = fc.uniqueArray(
  fc
    .record({
      owner: fc.constantFrom('a', 'b', 'c'),
      second: fc.integer({ min: 0, max: 4 }),
      spelling: fc.constantFrom('ours', 'original', 'suffixed', 'unreadable'),
    })
    .map(({ owner, second, spelling }) => {
      const key = inboxKey(owner, anInstant(second));
      const originalSk = `${anInstant(second).slice(0, 19)}+00:00`;
      const sk = { ours: key.sk, original: originalSk, suffixed: `${key.sk}#${GROUP}`, unreadable: 'n/a' };
      return { pk: key.pk, sk: sk[spelling] };
    }),
  { selector: (row) => `${row.pk}|${row.sk}`, maxLength: 20 },
);

describe('stale inbox rows of a group', () => {
  it('are every row but the newest, per owner', () => {
    const rows = [inboxKey('a', anInstant(1)), inboxKey('a', anInstant(3)), inboxKey('b', anInstant(1))];
    expect(staleInboxRows(rows)).toEqual([inboxKey('a', anInstant(1))]);
  });

  it("never include an owner's only row, even when the other owner has a newer one", () => {
    const rows = [inboxKey('a', anInstant(5)), inboxKey('b', anInstant(1))];
    expect(staleInboxRows(rows)).toEqual([]);
  });

  it("include the original's rows once a newer row exists", () => {
    const legacy = { pk: 'GRP#a', sk: '2026-01-01T00:00:01+00:00' };
    expect(staleInboxRows([legacy, inboxKey('a', anInstant(2))])).toEqual([legacy]);
  });

  it.each([
    ["the original's", '2026-01-01T00:00:02+00:00'],
    ['an earlier version’s suffixed', `2026-01-01T00:00:02.000000+00:00#${GROUP}`],
  ])('prefer the bare fixed-width spelling of a row over %s for the same instant', (_, sk) => {
    const other = { pk: 'GRP#a', sk };
    expect(staleInboxRows([inboxKey('a', anInstant(2)), other])).toEqual([other]);
    expect(staleInboxRows([other, inboxKey('a', anInstant(2))])).toEqual([other]);
  });

  it('rank rows whose time cannot be read as the oldest', () => {
    const garbage = { pk: 'GRP#a', sk: 'not-a-time' };
    expect(staleInboxRows([garbage, inboxKey('a', anInstant(0))])).toEqual([garbage]);
  });

  it('leave every owner exactly one row, whatever the spellings and their order', () => {
    fc.assert(
      fc.property(aGroupsRows, (rows) => {
        const stale = new Set(staleInboxRows(rows));
        const kept = rows.filter((row) => !stale.has(row)).map((row) => row.pk);
        expect(kept.sort()).toEqual([...new Set(rows.map((row) => row.pk))].sort());
      }),
    );
  });
});
