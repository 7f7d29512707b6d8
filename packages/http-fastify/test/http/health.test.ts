import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessCheck } from '../../src/app.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

const up = (name: string): ReadinessCheck => ({ name, check: async () => {} });
const failing = (name: string): ReadinessCheck => ({
  name,
  check: async () => {
    throw new Error('connection refused');
  },
});
const hanging = (name: string): ReadinessCheck => ({ name, check: () => new Promise<void>(() => {}) });

describe('health probes', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('GET /healthz answers 200 {status: ok} without touching dependencies', async () => {
    t = await buildTestApp({ readiness: [failing('dynamodb')] });

    const response = await t.get('/healthz');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when every dependency is up', async () => {
    t = await buildTestApp({ readiness: [up('dynamodb'), up('postgres')] });

    const response = await t.get('/readyz');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { dynamodb: 'up', postgres: 'up' } });
  });

  it('GET /readyz answers 503 naming the dependency that is down', async () => {
    t = await buildTestApp({ readiness: [up('dynamodb'), failing('postgres')] });

    const response = await t.get('/readyz');

    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.json()).toEqual({ status: 'not_ready', checks: { dynamodb: 'up', postgres: 'down' } });
    expect(response.body).not.toContain('connection refused');
  });

  it('GET /readyz counts a check that hangs as down once its timeout passes', async () => {
    t = await buildTestApp({ readiness: [hanging('dynamodb'), up('postgres')], readinessTimeoutMs: 50 });
    const started = performance.now();

    const response = await t.get('/readyz');

    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'not_ready', checks: { dynamodb: 'down', postgres: 'up' } });
  });

  it('calls a check as a method, so class-based checks keep `this`', async () => {
    class PoolCheck implements ReadinessCheck {
      readonly name = 'postgres';
      readonly #pool = { query: async () => 1 };
      async check(): Promise<void> {
        await this.#pool.query();
      }
    }
    t = await buildTestApp({ readiness: [new PoolCheck()] });

    const response = await t.get('/readyz');

    expect(response.json()).toEqual({ status: 'ready', checks: { postgres: 'up' } });
  });
});
