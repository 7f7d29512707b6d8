import { InvalidCursorError } from '@cruddur/core';

/**
 * Cursors are base64url JSON `[list, scope, position]`: the list kind and its scope (group
 * or owner) are inside so a cursor from another list is refused, not silently misread.
 */
export type CursorList = 'messages' | 'inbox';

export const encodeCursor = (list: CursorList, scope: string, position: string): string =>
  Buffer.from(JSON.stringify([list, scope, position]), 'utf8').toString('base64url');

/** The position inside a cursor this adapter issued for that list; InvalidCursorError otherwise. */
export const decodeCursor = (
  cursor: string,
  list: CursorList,
  scope: string,
  isPosition: (position: string) => boolean,
): string => {
  const parts = parse(cursor);
  const [kind, cursorScope, position] = parts ?? [];
  // Re-encoding must give the same text back: base64 decoders skip stray characters.
  const valid =
    kind === list &&
    cursorScope === scope &&
    typeof position === 'string' &&
    isPosition(position) &&
    encodeCursor(list, scope, position) === cursor;
  if (!valid) throw new InvalidCursorError();
  return position;
};

const parse = (cursor: string): unknown[] | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 3 ? value : null;
  } catch {
    return null;
  }
};
