import { anInstant } from '@cruddur/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InboxRow, sweepInbox } from '../../src/cli/ddb/stale-inbox.js';
import { inboxKey } from '../../src/dynamo/index.js';
import { staleInboxRows } from '../../src/dynamo/stale-rows.js';

/**
 * A row in our spelling, in the original's (bare time, no fraction) or with an unreadable time.
 * One spelling each, so no owner holds two rows the adapter ranks equal: it keeps whichever
 * it listed first, where repair, which must not depend on scan order, keeps the greater key.
 */
const aRow = fc
  .record({
    owner: fc.constantFrom('a', 'b', 'c'),
    group: fc.constantFrom('g1', 'g2'),
    second: fc.integer({ min: 0, max: 4 }),
    spelling: fc.constantFrom('ours', 'original', 'unreadable'),
  })
  .map(({ owner, group, second, spelling }): InboxRow => {
    const key = inboxKey(owner, anInstant(second), group);
    const sk =
      spelling === 'ours'
        ? key.sk
        : spelling === 'original'
          ? `${anInstant(second).slice(0, 19)}+00:00`
          : 'n/a';
    return { pk: key.pk, sk, groupUuid: group, message: `${spelling} ${second}` };
  });

/** Every (pk, sk) once, as in a table. */
const aTable = fc.uniqueArray(aRow, { selector: (row) => `${row.pk}|${row.sk}`, maxLength: 30 });

describe('the stale inbox rows ddb repair deletes', () => {
  it('are the rows the adapter itself deletes after a send, group by group', () => {
    fc.assert(
      fc.property(aTable, (rows) => {
        const expected = ['g1', 'g2'].flatMap((group) => {
          const ofGroup = rows.filter((row) => row.groupUuid === group);
          const stale = staleInboxRows(ofGroup.map(({ pk, sk }) => ({ pk, sk })));
          return ofGroup.filter((row) => stale.some((key) => key.pk === row.pk && key.sk === row.sk));
        });
        const { stale } = sweepInbox(rows);
        expect(new Set(stale)).toEqual(new Set(expected));
      }),
    );
  });

  it('leave every owner exactly one row per group', () => {
    fc.assert(
      fc.property(aTable, (rows) => {
        const { stale } = sweepInbox(rows);
        const kept = rows.filter((row) => !stale.includes(row)).map((row) => `${row.pk}|${row.groupUuid}`);
        expect(kept.sort()).toEqual([...new Set(rows.map((row) => `${row.pk}|${row.groupUuid}`))].sort());
      }),
    );
  });
});
