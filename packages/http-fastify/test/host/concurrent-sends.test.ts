import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_EDGE_SETTINGS } from '../../src/edge/edge-settings.js';
import { composeHost, type RunningHost } from '../../src/host.js';
import { temporaryDataDir } from './support/data-dir.js';

// Issue 8: 300 sends in flight into one group on `npm start` answered 21–131 × 503 while
// dynalite ran on the host's event loop. Here the host is built as `npm start` builds it
// (embedded engines on a data directory) and listens on a real port.
const SENDS = 300;

let host: RunningHost;
let base: string;
let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  host = await composeHost({
    port: 0,
    host: '127.0.0.1',
    backend: { kind: 'embedded', tableName: 'cruddur-messages', dataDir: dataDir.path },
    // What is measured is what the engines absorb, not the edge's limits: two callers sending
    // 150 each at once exceed the per-caller send limit (SEND_RATE_LIMIT, SEND_RATE_BURST raise it),
    // and on a loaded CI machine load shedding would answer 503 before the engines are asked.
    edge: { ...DEFAULT_EDGE_SETTINGS, sendsPerSecond: 1000, sendBurst: 1000, maxEventLoopDelayMs: 0 },
  });
  base = await host.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await host?.close();
  await dataDir?.remove();
});

const tokenFor = async (handle: string): Promise<string> => {
  const response = await fetch(`${base}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle }),
  });
  return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
};

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

it(`answers ${SENDS} concurrent sends into one group with ${SENDS} × 200, and stores all of them`, async () => {
  const [mira, tomas] = [await tokenFor('mira'), await tokenFor('tomas')];
  const groups = (await (await fetch(`${base}/api/message_groups`, { headers: { authorization: mira } })).json()) as Array<{
    uuid: string;
    handle: string;
  }>;
  const group = groups.find((g) => g.handle === 'tomas')?.uuid;
  expect(group).toBeDefined();
  const embedded = host.embedded;
  if (!embedded) throw new Error('an embedded host reports its engines');

  const before = await embedded.dynamoRequests();
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: SENDS }, async (_, i) => {
      const response = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { authorization: i % 2 === 0 ? mira : tomas, 'content-type': 'application/json' },
        body: JSON.stringify({ message_group_uuid: group, message: `burst ${i}` }),
      });
      const body = await response.text();
      return response.status === 200 ? 'ok' : `${response.status} ${body}`;
    }),
  );
  const elapsedMs = Math.round(performance.now() - started);
  const after = await embedded.dynamoRequests();
  const calls = Object.fromEntries(Object.entries(after).filter(([op, n]) => n > (before[op] ?? 0)).map(([op, n]) => [op, n - (before[op] ?? 0)]));
  console.log(
    `${SENDS} concurrent sends: ${elapsedMs} ms, ${total(calls)} DynamoDB requests ` +
      `(${(total(calls) / SENDS).toFixed(1)} per send, SDK retries included): ${JSON.stringify(calls)}`,
  );
  // Every failure, counted by status and body: which dependency gave up shows in the message.
  const failures: Record<string, number> = {};
  for (const outcome of outcomes) if (outcome !== 'ok') failures[outcome] = (failures[outcome] ?? 0) + 1;
  expect(failures).toEqual({});

  const stored: string[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: Response = await fetch(
      `${base}/api/messages/${group}?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: mira } },
    );
    expect(page.status).toBe(200);
    stored.push(...((await page.json()) as Array<{ message: string }>).map((m) => m.message));
    cursor = page.headers.get('x-next-cursor');
  }
  const burst = stored.filter((text) => text.startsWith('burst '));
  expect(new Set(burst).size).toBe(SENDS);
  expect(burst).toHaveLength(SENDS);
}, 180_000); // a loaded CI machine: the sends queue behind each other, which is the point
