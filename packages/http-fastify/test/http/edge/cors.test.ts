import { DependencyUnavailableError, type User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/messaging.js';
import { withOutage } from '../support/outage.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const APP = 'https://app.example';
const OTHER = 'https://evil.example';
const EXPOSED = 'Link, X-Next-Cursor, Retry-After, WWW-Authenticate, X-Request-Id';

/** One route of each family, as a browser would preflight it. */
const families = (group: string) =>
  [
    ['GET', '/api/message_groups'],
    ['GET', `/api/messages/${group}`],
    ['POST', '/api/messages'],
    ['GET', '/api/users/@otto/short'],
    ['GET', '/api/no_such_route'],
  ] as const;

const preflight = (t: TestApp, url: string, method: string, origin: string) =>
  t.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('CORS for a listed origin', () => {
  let t: TestApp;
  let mira: User;
  let group: string;
  let down = false;

  beforeAll(async () => {
    t = await buildTestApp({
      edge: { corsOrigins: [APP], sendBurst: 2, sendsPerSecond: 1 },
      wrapConversations: (c) =>
        withOutage(
          c,
          () => down,
          () => new DependencyUnavailableError('dynamodb'),
        ),
    });
    mira = await t.aUser('mira');
    await t.aUser('otto');
    group = (await send(t, mira, await t.aUser('ines'), 'hi')).message_group_uuid;
  });
  afterAll(() => t.close());

  it('answers the preflight of every route family with 204 and the allowed methods and headers', async () => {
    for (const [method, url] of families(group)) {
      const response = await preflight(t, url, method, APP);
      expect(response.statusCode, url).toBe(204);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET, HEAD, POST',
        'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
        'access-control-max-age': '7200',
      });
      expect(response.headers.vary).toContain('Origin');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('gives a disallowed origin no CORS headers at all, and no 5xx', async () => {
    for (const [method, url] of families(group)) {
      const response = await preflight(t, url, method, OTHER);
      expect(response.statusCode, url).toBe(404);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      const actual = await t.get(url, { as: mira, headers: { origin: OTHER } });
      expect(actual.statusCode).toBeLessThan(500);
      expect(Object.keys(actual.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('puts Allow-Origin and the exposed headers on successes and on every kind of error', async () => {
    const as = mira;
    const headers = { origin: APP };
    const cases: Array<[number, () => ReturnType<TestApp['get']>]> = [
      [200, () => t.get('/api/message_groups?limit=1', { as, headers })],
      [200, () => t.get('/api/users/@otto/short', { headers })],
      [400, () => t.get('/api/message_groups?limit=0', { as, headers })],
      [401, () => t.get('/api/message_groups', { as: { authorization: 'Bearer nope' }, headers })],
      [404, () => t.get('/api/no_such_route', { headers })],
      [422, () => t.post('/api/messages', { as, headers, payload: { message: ' ', handle: 'otto' } })],
    ];
    for (const [status, call] of cases) {
      const response = await call();
      expect(response.statusCode).toBe(status);
      expect(response.headers['access-control-allow-origin'], String(status)).toBe(APP);
      expect(response.headers['access-control-expose-headers']).toBe(EXPOSED);
      expect(response.headers.vary).toContain('Origin');
    }
    // The send limit here is 2 per window: the third send is the 429.
    await t.post('/api/messages', { as, headers, payload: { message: 'a', message_group_uuid: group } });
    const limited = await t.post('/api/messages', {
      as,
      headers,
      payload: { message: 'b', message_group_uuid: group },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['access-control-allow-origin']).toBe(APP);
    down = true;
    const unavailable = await t.get('/api/message_groups', { as, headers });
    down = false;
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.headers['access-control-allow-origin']).toBe(APP);
  });
});

describe('CORS for any origin (the embedded and memory default)', () => {
  let t: TestApp;
  let mira: User;
  beforeAll(async () => {
    t = await buildTestApp({ edge: { corsOrigins: '*' } });
    mira = await t.aUser('mira');
  });
  afterAll(() => t.close());

  it('allows whatever origin asks, on preflights and on answers, errors included', async () => {
    for (const origin of [APP, OTHER, 'http://localhost:3000']) {
      const pre = await preflight(t, '/api/messages', 'POST', origin);
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('*');
      for (const as of [mira, null]) {
        const response = await t.get('/api/message_groups', { as, headers: { origin } });
        expect(response.statusCode).toBe(as ? 200 : 401);
        expect(response.headers['access-control-allow-origin']).toBe('*');
        expect(response.headers['access-control-expose-headers']).toBe(EXPOSED);
      }
    }
  });
});

describe('CORS off (the default against real services)', () => {
  it('sends no CORS headers to anyone', async () => {
    const t = await buildTestApp({ edge: { corsOrigins: [] } });
    try {
      const pre = await preflight(t, '/api/message_groups', 'GET', APP);
      expect(pre.statusCode).toBe(404);
      const response = await t.get('/api/users/@nobody/short', { headers: { origin: APP } });
      expect(response.statusCode).toBe(404);
      expect(
        Object.keys({ ...pre.headers, ...response.headers }).filter((h) => h.startsWith('access-control-')),
      ).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
