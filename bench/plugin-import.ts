import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SectionResult } from './section.js';
import { atMost, type Row } from './support/report.js';
import { median } from './support/stats.js';

const exec = promisify(execFile);

/** Fresh processes per variant: an import is paid once per process, so each run is a cold start. */
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
const TARGET_MS = 150;
const TARGET_MB = 30;

/**
 * What a fresh process does, timed in two steps: the imports (Fastify, and the entry measured),
 * then `Fastify()` with the plugin registered up to `ready()`. The plugin's dependencies are
 * placeholders: registering calls none of them.
 */
const VARIANTS = {
  fastify: { imports: ['fastify'], register: '' },
  plugin: {
    imports: ['fastify', '@cruddur/http-fastify'],
    register: `const noop = {}; await app.register(entry.messagingPlugin, { listMessageGroups: noop, markRead: noop,
listMessages: noop, createMessage: noop, usersShort: noop, tokenVerifier: noop, followMessages: noop, eventTickets: noop });`,
  },
  host: { imports: ['fastify', '@cruddur/http-fastify/host'], register: '' },
} as const;
type Variant = keyof typeof VARIANTS;

/** Runs one variant in a fresh Node process on the built `dist` (no source condition), as an installed package loads. */
async function runOnce(variant: Variant): Promise<Sample> {
  const { imports, register } = VARIANTS[variant];
  const [fastify, entry] = imports.map((specifier) => JSON.stringify(specifier));
  const script = `const t0 = performance.now();
const { default: Fastify } = await import(${fastify}); ${entry ? `const entry = await import(${entry});` : ''}
const t1 = performance.now(); const importMb = process.memoryUsage().rss / 2 ** 20;
const app = Fastify(); ${register} await app.ready();
const t2 = performance.now(); const readyMb = process.memoryUsage().rss / 2 ** 20; await app.close();
console.log(JSON.stringify({ importMs: t1 - t0, importMb, readyMs: t2 - t0, readyMb }));`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], {
    cwd: import.meta.dirname,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout) as Sample;
}

type Sample = { importMs: number; importMb: number; readyMs: number; readyMb: number };
const medianOf = (runs: readonly Sample[]): Sample => ({
  importMs: median(runs.map((run) => run.importMs)),
  importMb: median(runs.map((run) => run.importMb)),
  readyMs: median(runs.map((run) => run.readyMs)),
  readyMb: median(runs.map((run) => run.readyMb)),
});

/** Interleaved, so a machine whose load changes during the runs weighs on every variant alike. */
async function measure(variants: readonly Variant[]): Promise<Sample[]> {
  const runs = variants.map((): Sample[] => []);
  for (let i = 0; i < RUNS; i += 1) {
    for (const [at, variant] of variants.entries()) runs[at]?.push(await runOnce(variant));
  }
  return runs.map(medianOf);
}

/**
 * Issue 9 item 2: importing the plugin entry (`@cruddur/http-fastify`, built) costs at most
 * 150 ms and 30 MB over importing bare Fastify. Needs `npm run build` first (it measures `dist`).
 * Registering the plugin (routes, TypeBox schemas, validators) is reported beside it, with no target.
 */
export async function pluginImportSection(): Promise<SectionResult> {
  const [fastify, plugin, host] = await measure(['fastify', 'plugin', 'host']);
  if (!fastify || !plugin || !host) throw new Error('a variant was not measured');
  const row = (measure: string, result: number, baseline: number, unit: string, target?: number): Row => ({
    section: 'plugin import',
    measure,
    result: `${result.toFixed(unit === 'MB' ? 1 : 0)} ${unit}`,
    baseline: `fastify ${baseline.toFixed(unit === 'MB' ? 1 : 0)} ${unit}`,
    ratio: `+${(result - baseline).toFixed(1)}`,
    target: target === undefined ? '—' : `≤ +${target}`,
    verdict: target === undefined ? 'info' : atMost(result - baseline, target),
  });
  return {
    rows: [
      row('import fastify + plugin entry, time (median)', plugin.importMs, fastify.importMs, 'ms', TARGET_MS),
      row('import fastify + plugin entry, RSS (median)', plugin.importMb, fastify.importMb, 'MB', TARGET_MB),
      row('… + register the plugin, ready(): time', plugin.readyMs, fastify.readyMs, 'ms'),
      row('… + register the plugin, ready(): RSS', plugin.readyMb, fastify.readyMb, 'MB'),
    ],
    notes: [
      `plugin import: median of ${RUNS} fresh processes each; the host entry (/host) for context: ` +
        `${(host.importMs - fastify.importMs).toFixed(0)} ms, ${(host.importMb - fastify.importMb).toFixed(1)} MB over Fastify.`,
    ],
  };
}
