import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SectionResult } from './section.js';
import { atMost, type Row } from './support/report.js';
import { median } from './support/stats.js';

const exec = promisify(execFile);

/** Fresh processes per entry: an import is paid once per process, so each run is a cold start. */
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
const TARGET_MS = 150;
const TARGET_MB = 30;

/**
 * Imports `specifier` in a fresh Node process (no source condition: the built `dist`, as an
 * installed package loads) and reports how long the import took and the RSS after it.
 */
async function importOnce(specifier: string): Promise<Sample> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)});
const ms = performance.now() - t; console.log(JSON.stringify({ ms, mb: process.memoryUsage().rss / 2 ** 20 }));`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], {
    cwd: import.meta.dirname,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout) as Sample;
}

type Sample = { ms: number; mb: number };
const medianOf = (runs: readonly Sample[]): Sample => ({
  ms: median(runs.map((run) => run.ms)),
  mb: median(runs.map((run) => run.mb)),
});

/** Interleaved, so a machine whose load changes during the runs weighs on every entry alike. */
async function measure(specifiers: readonly string[]): Promise<Sample[]> {
  const runs = specifiers.map((): Sample[] => []);
  for (let i = 0; i < RUNS; i += 1) {
    for (const [at, specifier] of specifiers.entries()) runs[at]?.push(await importOnce(specifier));
  }
  return runs.map(medianOf);
}

/**
 * Issue 9 item 2: importing the plugin entry (`@cruddur/http-fastify`, built) costs at most
 * 150 ms and 30 MB over importing bare Fastify. Needs `npm run build` first (it measures `dist`).
 */
export async function pluginImportSection(): Promise<SectionResult> {
  const [fastify, plugin, host] = await measure(['fastify', '@cruddur/http-fastify', '@cruddur/http-fastify/host']);
  if (!fastify || !plugin || !host) throw new Error('an entry was not measured');
  const row = (measure: string, result: string, baseline: string, over: number, target: number): Row => ({
    section: 'plugin import',
    measure,
    result,
    baseline,
    ratio: `+${over.toFixed(1)}`,
    target: `≤ +${target}`,
    verdict: atMost(over, target),
  });
  return {
    rows: [
      row('import time, ms (median)', plugin.ms.toFixed(0), `fastify ${fastify.ms.toFixed(0)}`, plugin.ms - fastify.ms, TARGET_MS),
      row('RSS after import, MB (median)', plugin.mb.toFixed(1), `fastify ${fastify.mb.toFixed(1)}`, plugin.mb - fastify.mb, TARGET_MB),
    ],
    notes: [
      `plugin import: median of ${RUNS} fresh processes each; the host entry (/host) for context: ` +
        `${host.ms.toFixed(0)} ms, ${host.mb.toFixed(1)} MB RSS.`,
    ],
  };
}
