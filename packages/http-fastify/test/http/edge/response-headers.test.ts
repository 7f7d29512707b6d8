import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

describe('headers on every response', () => {
  let t: TestApp;
  let mira: User;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ logTo: (line) => lines.push(line) });
    mira = await t.aUser('mira');
  });
  afterAll(() => t.close());

  it('marks API answers, errors included, no-store and nosniff', async () => {
    for (const response of [
      await t.get('/api/message_groups', { as: mira }),
      await t.get('/api/message_groups'),
      await t.get('/api/no_such_route'),
      await t.post('/dev/token', { payload: { handle: 'mira' } }),
    ]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('takes a well-formed X-Request-Id, echoes it, and puts it on every log line of that request', async () => {
    const id = 'edge-test.42:abc';
    const response = await t.get('/api/message_groups', {
      as: { authorization: 'Bearer nope' },
      headers: { 'x-request-id': id },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe(id);
    const mine = lines.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === id);
    expect(mine.map((entry) => entry.msg)).toEqual(['incoming request', 'request completed']);
    expect(lines.filter((line) => line.includes(id))).toHaveLength(mine.length);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'two words'],
    ['with a line-break escape', 'a\\nb'],
    ['empty', ''],
  ])('replaces a malformed X-Request-Id (%s) with a fresh UUID', async (_, id) => {
    const response = await t.get('/healthz', { headers: { 'x-request-id': id } });
    expect(response.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('gives each request its own id when none is sent', async () => {
    const [a, b] = [await t.get('/healthz'), await t.get('/healthz')];
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('still serves the docs UI, its assets and the OpenAPI document', async () => {
    const page = await t.get('/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const scripts = [...page.body.matchAll(/src="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await t.get(`/docs/${script}`);
      expect(asset.statusCode, script).toBe(200);
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await t.get('/openapi.json')).json().openapi).toBe('3.1.0');
  });
});
