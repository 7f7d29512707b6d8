import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SectionResult } from './section.js';
import { progress } from './support/progress.js';
import type { Row } from './support/report.js';

/**
 * Capacity units are measured by bench/dynamo-capacity.ts, which the DynamoDB adapter's
 * engineer owns (on DynamoDB Local: dynalite leaves out what the GSI costs). This section runs
 * it as it is, as its own process, and turns the Markdown table it prints into rows of ours.
 */
const CAPACITY_SCRIPT = new URL('./dynamo-capacity.ts', import.meta.url);
const SCRIPT_TIMEOUT_MS = 120_000;

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

const isRule = (line: string): boolean => /^\|[\s|:-]+\|$/.test(line.trim());

/** Its table's rows as ours, whatever its columns are (every column after the first is kept). */
export const rowsFromTable = (output: string): { rows: Row[]; rest: string[] } => {
  const tableLines = output.split('\n').filter((line) => line.trim().startsWith('|') && !isRule(line));
  const rest = output.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('|'));
  const [header = [], ...data] = tableLines.map(cellsOf);
  const rows = data.map(
    ([measure = '', ...values]): Row => ({
      section: '5 Write cost',
      measure: `${measure} (DynamoDB Local)`,
      result: values.map((value, i) => `${header[i + 1] ?? '?'} ${value}`).join(' · '),
      baseline: '—',
      ratio: '—',
      target: 'reported',
      verdict: 'info',
    }),
  );
  return { rows, rest };
};

const run = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(CAPACITY_SCRIPT)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: SCRIPT_TIMEOUT_MS,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`bench/dynamo-capacity.ts failed (exit code ${code}, signal ${signal})`));
    });
  });

/** Section 5: DynamoDB capacity units per send and per list (design §11). */
export const writeCostSection = async (): Promise<SectionResult> => {
  if (!existsSync(CAPACITY_SCRIPT)) {
    const row: Row = {
      section: '5 Write cost',
      measure: 'capacity units per send and per list',
      result: 'not measured: bench/dynamo-capacity.ts is missing',
      baseline: '—',
      ratio: '—',
      target: 'reported',
      verdict: 'info',
    };
    return { rows: [row], notes: [] };
  }
  progress('write cost: running bench/dynamo-capacity.ts (starts DynamoDB Local, ~10 s)');
  const output = await run();
  const { rows, rest } = rowsFromTable(output);
  if (rows.length === 0)
    return { rows: [], notes: [`bench/dynamo-capacity.ts printed:\n${output.trimEnd()}`] };
  return { rows, notes: rest.map((line) => `bench/dynamo-capacity.ts: ${line}`) };
};
