/** PASS/BELOW for "at least" targets, PASS/OVER for "at most"; `info` rows have no target. */
export type Verdict = 'PASS' | 'BELOW' | 'OVER' | 'info' | 'ERROR';

export interface Row {
  readonly section: string;
  readonly measure: string;
  readonly result: string;
  /** What the result is compared with (the bare route, the hand-written query, the small list). */
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly verdict: Verdict;
}

export const atLeast = (value: number, target: number): Verdict => (value >= target ? 'PASS' : 'BELOW');
export const atMost = (value: number, target: number): Verdict => (value <= target ? 'PASS' : 'OVER');

const HEADER: Record<keyof Row, string> = {
  section: 'section',
  measure: 'measure',
  result: 'result',
  baseline: 'baseline',
  ratio: 'ratio',
  target: 'target',
  verdict: 'verdict',
};
const COLUMNS = Object.keys(HEADER) as Array<keyof Row>;

/** A Markdown table with padded columns: readable in a terminal, pasteable into the README. */
export const formatTable = (rows: readonly Row[]): string => {
  const widths = COLUMNS.map((column) => Math.max(...[HEADER, ...rows].map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [
    line(COLUMNS.map((c) => HEADER[c])),
    rule,
    ...rows.map((row) => line(COLUMNS.map((c) => row[c]))),
  ].join('\n');
};
