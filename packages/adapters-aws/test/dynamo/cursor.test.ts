import { InvalidCursorError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/dynamo/cursor.js';

const KEY = { pk: 'GRP#owner-1', sk: '2026-01-01T00:00:00.000000+00:00#group-1' };

describe('page cursors', () => {
  it('resume after the key they were made from', () => {
    expect(decodeCursor(encodeCursor(KEY), KEY.pk)).toEqual(KEY);
  });

  it('are url-safe text', () => {
    expect(encodeCursor(KEY)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('mean the first page when absent', () => {
    expect(decodeCursor(null, KEY.pk)).toBeUndefined();
  });

  it("are refused for someone else's list", () => {
    expect(() => decodeCursor(encodeCursor(KEY), 'GRP#owner-2')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeCursor({ pk: 'MSG#g', sk: KEY.sk }), KEY.pk)).toThrow(InvalidCursorError);
  });

  it.each([
    ['not base64url', 'a b c'],
    ['not JSON', Buffer.from('not a cursor').toString('base64url')],
    ['JSON of the wrong shape', Buffer.from('{"v":1,"pk":"GRP#owner-1"}').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ ...KEY, v: 2 })).toString('base64url')],
    ['a bare string', Buffer.from('"x"').toString('base64url')],
    ['far too long', 'A'.repeat(5000)],
  ])('are refused when %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, KEY.pk)).toThrow(InvalidCursorError);
  });
});
