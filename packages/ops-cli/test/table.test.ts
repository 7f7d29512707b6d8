import { describe, expect, it } from 'vitest';
import { formatTable } from '../src/table.js';

describe('formatTable', () => {
  it('aligns columns under their headers, two spaces apart, without trailing blanks', () => {
    const text = formatTable(
      [{ header: 'HANDLE' }, { header: 'N', align: 'right' }, { header: 'NAME' }],
      [
        ['@mira', '3', 'Mira'],
        ['@tomas', '12', ''],
      ],
    );
    expect(text.split('\n')).toEqual(['HANDLE   N  NAME', '@mira    3  Mira', '@tomas  12']);
  });

  it('counts an accented letter or an emoji as one column', () => {
    const text = formatTable([{ header: 'A' }, { header: 'B' }], [['Tomás 🙂', 'x']]);
    expect(text.split('\n')).toEqual(['A        B', 'Tomás 🙂  x']);
  });

  it('cuts cells longer than the column allows with an ellipsis', () => {
    expect(formatTable([{ header: 'M', maxWidth: 5 }], [['abcdefgh']])).toBe('M\nabcd…');
  });

  it('shows control characters and bidi overrides as spaces, so stored text cannot drive the terminal', () => {
    const text = formatTable([{ header: 'M' }], [['a\u001b[31mb\nc\u202ed']]);
    expect(text).toBe('M\na [31mb c d');
  });
});
