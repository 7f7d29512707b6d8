/**
 * A reply's cost to the host (issue 8, item 8: ≤ 2 ms of host CPU, ≤ 4 sequential DynamoDB round
 * trips). The host is the real composition root listening on a port in this process; dynalite
 * and the client sending the replies run in child processes, so this process's CPU
 * (`process.cpuUsage`, all threads) is the host's alone (pg-mem is in it, but a steady reply
 * makes no SQL query: counted below).
 *
 *   node --conditions=@cruddur/source --import tsx bench/reply-cpu.ts
 */
import { spawn } from 'node:child_process';
import { loadConfig } from '@cruddur/http-fastify/host';
import { startExternalDynalite } from './support/external-dynalite.js';
import { meteredHost } from './support/metered-host.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const BACK_TO_BACK = 400;
const PACED = 60;
// Longer than the 100 ms after which a reply's background sweep runs, so each paced reply's
// window holds only its own critical path.
const PACE_MS = 250;

type Interval = { start: number; end: number };

/** The most calls that ran one after another (none overlapping): the critical path's length. */
const sequentialCalls = (calls: Interval[]) => {
  let [count, lastEnd] = [0, Number.NEGATIVE_INFINITY];
  for (const call of [...calls].sort((a, b) => a.end - b.end)) {
    if (call.start >= lastEnd) [count, lastEnd] = [count + 1, call.end];
  }
  return count;
};

// The sender: POSTs alternating between two members, C at a time, then its status counts.
const SENDER = `
const { BASE, TOKENS, GROUP, N, C, PACE } = process.env;
const tokens = JSON.parse(TOKENS);
const statuses = {};
let next = 0;
const worker = async () => {
  for (let i = next++; i < Number(N); i = next++) {
    const response = await fetch(BASE + '/api/messages', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + tokens[i % 2], 'content-type': 'application/json' },
      body: JSON.stringify({ message_group_uuid: GROUP, message: 'reply ' + i }),
    });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] || 0) + 1;
    if (Number(PACE) > 0) await new Promise((resolve) => setTimeout(resolve, Number(PACE)));
  }
};
Promise.all(Array.from({ length: Number(C) }, worker)).then(() => console.log(JSON.stringify(statuses)));
`;
const sendReplies = (env: Record<string, string>) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SENDER], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`sender exited with ${code}`)),
    );
  });

const calls: Interval[] = [];
const windows: Interval[] = [];
const edge = loadConfig({
  CRUDDUR_BACKEND: 'memory',
  SEND_RATE_LIMIT: '10000',
  SEND_RATE_BURST: '10000',
  MAX_EVENT_LOOP_DELAY_MS: '0',
});
if (!edge.ok || !edge.config.edge) throw new Error(edge.ok ? 'no edge settings' : edge.problems.join('\n'));
const dynalite = await startExternalDynalite();
const host = await meteredHost(`http://127.0.0.1:${dynalite.port}`, {
  edge: edge.config.edge,
  instrument: (client) =>
    client.middlewareStack.add(
      (next) => async (args) => {
        const call = { start: performance.now(), end: Number.POSITIVE_INFINITY };
        calls.push(call);
        try {
          return await next(args);
        } finally {
          call.end = performance.now();
        }
      },
      { step: 'initialize' },
    ),
});
try {
  const url = await host.first.app.listen({ port: 0, host: '127.0.0.1' });
  host.first.app.server.on('request', (request, response) => {
    if (request.method !== 'POST') return;
    const window = { start: performance.now(), end: Number.POSITIVE_INFINITY };
    windows.push(window);
    response.once('finish', () => {
      window.end = performance.now();
    });
  });
  const [mira, kofi] = [await host.aUser('mira'), await host.aUser('kofi')];
  const opened = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.tokenFor(mira)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'kofi', message: 'hello' }),
  });
  const group = ((await opened.json()) as { message_group_uuid: string }).message_group_uuid;
  const env = { BASE: url, TOKENS: JSON.stringify([host.tokenFor(kofi), host.tokenFor(mira)]), GROUP: group };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
  await sendReplies({ ...env, N: '100', C: '4', PACE: '0' }); // warm-up: JIT, sockets, caches
  await settle();

  // Back to back, 1 and 20 in flight: replies arriving within the 100 ms sweep delay share one sweep.
  const backToBack = async (inFlight: number) => {
    const queriesBefore = host.pg.queries;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answers = await sendReplies({ ...env, N: String(BACK_TO_BACK), C: String(inFlight), PACE: '0' });
    const wallMs = (performance.now() - started) / BACK_TO_BACK;
    await settle();
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / BACK_TO_BACK;
    return `${inFlight} in flight, ${BACK_TO_BACK} replies: host CPU ${cpuMs.toFixed(2)} ms per reply, ${wallMs.toFixed(1)} ms wall per reply, answers ${answers}, SQL queries ${host.pg.queries - queriesBefore}`;
  };
  const busy = [await backToBack(1), await backToBack(20)];

  // Paced: every reply alone, its own sweep included; the host's idle CPU over as long is subtracted.
  let cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, PACED * PACE_MS));
  const idle = process.cpuUsage(cpu);
  [calls.length, windows.length] = [0, 0];
  cpu = process.cpuUsage();
  const started = performance.now();
  const paced = await sendReplies({ ...env, N: String(PACED), C: '1', PACE: String(PACE_MS) });
  await settle();
  const used = process.cpuUsage(cpu);
  const elapsed = performance.now() - started;
  const idleShare = ((idle.user + idle.system) * elapsed) / (PACED * PACE_MS);
  const pacedCpuMs = (used.user + used.system - idleShare) / 1000 / PACED;
  const inWindow = windows.map((w) => calls.filter((c) => c.start >= w.start && c.start <= w.end));
  const path = inWindow.map(sequentialCalls).sort((a, b) => a - b);
  const perReply = inWindow.map((c) => c.length).sort((a, b) => a - b);
  const allCalls = calls.length / PACED;
  console.log(
    [
      ...busy,
      `paced (${PACE_MS} ms apart), ${PACED} replies: host CPU ${pacedCpuMs.toFixed(2)} ms per reply (own sweep included, idle ${(idleShare / 1000 / PACED).toFixed(2)} ms subtracted), answers ${paced}`,
      `critical path: ${path[0]}–${path.at(-1)} sequential DynamoDB round trips per reply (median ${path[path.length >> 1]}), ` +
        `${perReply[perReply.length >> 1]} calls before the answer, ${allCalls.toFixed(1)} calls per reply with the background sweep`,
    ].join('\n'),
  );
} finally {
  await host.close();
  dynalite.stop();
}
