import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SectionResult } from './section.js';
import { atMost, type Row } from './support/report.js';
import { median } from './support/stats.js';

/** Warm starts per mode (the cold start happens once: it fills the data directory). */
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const WARM_TARGET_MS = 5_000;
/** The built start entry `npm start` runs after its (cached) build step; `BENCH_STARTUP_ENTRY` compares another build. */
const ENTRY =
  process.env.BENCH_STARTUP_ENTRY ?? join(import.meta.dirname, '../packages/http-fastify/dist/start.js');

/**
 * Starts the host as `npm start` does after its build step (`node …/dist/start.js`, plain
 * Node: no tsx, no source condition), and measures from the spawn until the banner is on
 * stdout; then stops it with SIGTERM (the data directory is released) and waits for the exit.
 */
async function startOnce(dataDir: string, args: readonly string[] = []): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY, ...args], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      CRUDDUR_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  const banner = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is listening on')) resolve(performance.now() - started);
    });
    void exited.then((code) => reject(new Error(`the host exited (${code}) before its banner`)));
  });
  child.kill('SIGTERM');
  await exited;
  return banner;
}

/** Issue 8 item 3: `npm start` warm (data directory already filled) under 5 s to the banner. */
export async function startupSection(): Promise<SectionResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cruddur-startup-'));
  // mkdtemp makes it 0700; run as root, embedded PostgreSQL's initdb runs as the postgres user.
  await chmod(dataDir, 0o755);
  try {
    const cold = await startOnce(dataDir);
    const warm: number[] = [];
    const memory: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      warm.push(await startOnce(dataDir));
      memory.push(await startOnce(dataDir, ['--memory']));
    }
    const row = (measure: string, ms: number, target?: number): Row => ({
      section: 'startup',
      measure,
      result: `${ms.toFixed(0)} ms`,
      baseline: '—',
      ratio: '—',
      target: target === undefined ? '—' : `< ${target} ms`,
      verdict: target === undefined ? 'info' : atMost(ms, target - 1),
    });
    return {
      rows: [
        row('cold: empty data directory → banner', cold),
        row(`warm: filled data directory → banner (median of ${RUNS})`, median(warm), WARM_TARGET_MS),
        row(`--memory → banner (median of ${RUNS})`, median(memory)),
      ],
      notes: [
        `startup: the node process only (spawn → banner), not npm start's build step (turbo, cached when nothing changed); ` +
          `warm runs ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms, --memory ${memory.map((ms) => ms.toFixed(0)).join(', ')} ms.`,
      ],
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
