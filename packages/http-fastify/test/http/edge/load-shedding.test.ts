import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ edge: { maxEventLoopDelayMs: 20, loadSampleIntervalMs: 20 } });
});
afterAll(() => t.close());

/** Holds the event loop, as a CPU-bound burst of work would. */
const block = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
};

it('sheds requests with 503 and Retry-After while the event loop is saturated, and recovers', async () => {
  let shed: Awaited<ReturnType<TestApp['get']>> | undefined;
  let probe: Awaited<ReturnType<TestApp['get']>> | undefined;
  // The sampler must run between the block and the request; a few tries absorb scheduling noise.
  for (let attempt = 0; attempt < 20 && shed === undefined; attempt += 1) {
    block(200);
    await sleep(25);
    const [response, health] = await Promise.all([t.get('/api/users/@nobody/short'), t.get('/healthz')]);
    if (response.statusCode === 503) [shed, probe] = [response, health];
  }
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
