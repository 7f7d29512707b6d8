import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** Ten event-loop-delay samples (10 ms resolution) per reading, so an idle loop reads as idle. */
const SAMPLE_MS = 100;
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ edge: { maxEventLoopDelayMs: 20, loadSampleIntervalMs: SAMPLE_MS } });
});
afterAll(() => t.close());

/** Holds the event loop, as a CPU-bound burst of work would. */
const block = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
};

/** Keeps the loop saturated for `ms`: 60 ms of work, a turn of the loop, again. */
async function saturate(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    block(60);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

it('lets a single stall pass: one slow sample is not saturation', async () => {
  await sleep(5 * SAMPLE_MS);
  block(3 * SAMPLE_MS);
  await sleep(SAMPLE_MS + 5);
  expect((await t.get('/api/users/@nobody/short')).statusCode).toBe(404);
});

it('sheds requests with 503 and Retry-After while the loop stays saturated, and recovers', async () => {
  const until = Date.now() + 3000;
  const load = saturate(3000);
  let shed: Awaited<ReturnType<TestApp['get']>> | undefined;
  let probe: Awaited<ReturnType<TestApp['get']>> | undefined;
  while (Date.now() < until && shed === undefined) {
    const [response, health] = await Promise.all([t.get('/api/users/@nobody/short'), t.get('/healthz')]);
    if (response.statusCode === 503) [shed, probe] = [response, health];
    await new Promise((resolve) => setImmediate(resolve));
  }
  await load;
  expect(shed?.json()).toEqual({
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'overloaded',
    message: 'The service is overloaded; try again shortly.',
  });
  expect(shed?.headers['retry-after']).toBe('2');
  // Liveness is never shed: a busy host is alive.
  expect(probe?.statusCode).toBe(200);

  let recovered = 0;
  for (let attempt = 0; attempt < 100 && recovered !== 404; attempt += 1) {
    await sleep(30);
    recovered = (await t.get('/api/users/@nobody/short')).statusCode;
  }
  expect(recovered).toBe(404);
});
