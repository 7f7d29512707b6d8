import { anInstant } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import {
  groupKey,
  inboxKey,
  inboxSortKey,
  instantOfInboxSortKey,
  messageKey,
  pairKey,
} from '../../src/dynamo/index.js';

const GROUP_A = '0f8e1c9a-0000-4000-8000-00000000000a';
const USER = '5a1d7c2e-0000-4000-8000-000000000001';
const OTHER = '5a1d7c2e-0000-4000-8000-000000000002';

describe('inbox keys', () => {
  it("live in the owner's GRP# partition under the bare instant, as in the original", () => {
    expect(inboxKey(USER, anInstant(0))).toEqual({
      pk: `GRP#${USER}`,
      sk: '2026-01-01T00:00:00.000000+00:00',
    });
  });

  it('sort by time', () => {
    const keys = [
      inboxSortKey(anInstant(2)),
      inboxSortKey(anInstant(1, 999_999)),
      inboxSortKey(anInstant(1)),
    ];
    expect([...keys].sort()).toEqual([...keys].reverse());
  });

  it('give back the instant of rows written by either system, and by earlier versions', () => {
    expect(instantOfInboxSortKey(inboxSortKey(anInstant(3, 42)))).toBe(anInstant(3, 42));
    expect(instantOfInboxSortKey(`${anInstant(3, 42)}#${GROUP_A}`)).toBe(anInstant(3, 42));
    expect(instantOfInboxSortKey('2026-01-01T00:00:03+00:00')).toBe(anInstant(3));
    expect(instantOfInboxSortKey('2026-01-01T00:00:03')).toBe(anInstant(3));
    expect(instantOfInboxSortKey('2026-01-01 00:00:03.5')).toBe(anInstant(3, 500_000));
    expect(instantOfInboxSortKey('garbage')).toBeNull();
  });
});

describe('message keys', () => {
  it("live in the group's MSG# partition under the bare instant, as in the original", () => {
    expect(messageKey(GROUP_A, anInstant(9))).toEqual({ pk: `MSG#${GROUP_A}`, sk: anInstant(9) });
  });
});

describe('keys of the items the original never had', () => {
  it('name a pair the same way whichever member comes first', () => {
    expect(pairKey(USER, OTHER)).toEqual(pairKey(OTHER, USER));
  });

  it("stay out of the partitions the original's queries read", () => {
    for (const { pk } of [pairKey(USER, OTHER), groupKey(GROUP_A)]) {
      expect(pk).not.toMatch(/^(GRP|MSG)#/);
    }
  });
});
