import { anInstant } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { inboxKey } from '../../src/dynamo/index.js';
import { staleInboxRows } from '../../src/dynamo/stale-rows.js';

const GROUP = 'group-1';

describe('stale inbox rows of a group', () => {
  it('are every row but the newest, per owner', () => {
    const rows = [
      inboxKey('a', anInstant(1), GROUP),
      inboxKey('a', anInstant(3), GROUP),
      inboxKey('b', anInstant(1), GROUP),
    ];
    expect(staleInboxRows(rows)).toEqual([inboxKey('a', anInstant(1), GROUP)]);
  });

  it("never include an owner's only row, even when the other owner has a newer one", () => {
    const rows = [inboxKey('a', anInstant(5), GROUP), inboxKey('b', anInstant(1), GROUP)];
    expect(staleInboxRows(rows)).toEqual([]);
  });

  it("include the original's rows once a newer row exists", () => {
    const legacy = { pk: 'GRP#a', sk: '2026-01-01T00:00:01+00:00' };
    expect(staleInboxRows([legacy, inboxKey('a', anInstant(2), GROUP)])).toEqual([legacy]);
  });

  it("prefer our spelling of a row over the original's for the same instant", () => {
    const legacy = { pk: 'GRP#a', sk: '2026-01-01T00:00:02.000000+00:00' };
    expect(staleInboxRows([inboxKey('a', anInstant(2), GROUP), legacy])).toEqual([legacy]);
  });

  it('rank rows whose time cannot be read as the oldest', () => {
    const garbage = { pk: 'GRP#a', sk: 'not-a-time' };
    expect(staleInboxRows([garbage, inboxKey('a', anInstant(0), GROUP)])).toEqual([garbage]);
  });
});
