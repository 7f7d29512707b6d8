export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis, so one long message cannot push the table off-screen. */
  readonly maxWidth?: number;
}

// Message texts and handles are user input: printed raw, a control character or an escape
// sequence would move the cursor or recolour an operator's terminal, and a bidi override
// would make a row read differently from what is stored. Each becomes a visible space.
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** Widths count code points, so an emoji or an accented letter takes one column, not two. */
const width = (text: string): number => [...text].length;

const clip = (text: string, maxWidth: number | undefined): string => {
  const clean = text.replace(UNPRINTABLE, ' ');
  if (maxWidth === undefined || width(clean) <= maxWidth) return clean;
  return `${[...clean].slice(0, Math.max(0, maxWidth - 1)).join('')}…`;
};

const pad = (text: string, size: number, align: 'left' | 'right'): string => {
  const gap = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? gap + text : text + gap;
};

/** Aligned columns separated by two spaces, headers first; no trailing blanks on any line. */
export const formatTable = (columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string => {
  const cells = rows.map((row) => columns.map((column, i) => clip(row[i] ?? '', column.maxWidth)));
  const sizes = columns.map((column, i) =>
    Math.max(width(column.header), ...cells.map((row) => width(row[i] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    columns
      .map((column, i) => pad(row[i] ?? '', sizes[i] ?? 0, column.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n');
};

/** A count and its noun for a summary line: "1 table", "3 tables". */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
