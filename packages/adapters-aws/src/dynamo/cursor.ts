import { InvalidCursorError } from '@cruddur/core';
import type { ItemKey } from './keys.js';

/**
 * Page cursors are the key of the last item returned, as base64url JSON. They only ever
 * resume the partition they were issued for: a cursor naming another partition (another
 * user's inbox, another group) or anything that does not decode is rejected.
 */
const VERSION = 1;

export const encodeCursor = (key: ItemKey): string =>
  Buffer.from(JSON.stringify({ v: VERSION, pk: key.pk, sk: key.sk }), 'utf8').toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_CURSOR_LENGTH = 2048;

const parse = (cursor: string): unknown => {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw new InvalidCursorError();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError({ cause: error });
  }
};

/** The exclusive start key for a page of `partition`, or undefined for the first page. */
export const decodeCursor = (cursor: string | null, partition: string): ItemKey | undefined => {
  if (cursor === null) return undefined;
  const value = parse(cursor);
  if (typeof value !== 'object' || value === null) throw new InvalidCursorError();
  const { v, pk, sk } = value as Record<string, unknown>;
  if (v !== VERSION || pk !== partition || typeof sk !== 'string' || sk.length === 0) {
    throw new InvalidCursorError();
  }
  return { pk, sk };
};
