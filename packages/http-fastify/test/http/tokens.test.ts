import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { buildTestApp, type TestApp } from './support/test-app.js';
import { badTokens } from './support/tokens.js';

describe('bearer tokens', () => {
  let t: TestApp;
  let mira: User;
  let group: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira');
    group = (await send(t, mira, await t.aUser('otto'), 'hi')).message_group_uuid;
    tokens = await badTokens(t.issuer, mira);
  });
  afterAll(() => t.close());

  const routes = (): Array<[string, (authorization: string) => ReturnType<TestApp['get']>]> => [
    ['GET /api/message_groups', (authorization) => t.get('/api/message_groups', { as: { authorization } })],
    [
      'GET /api/messages/:uuid',
      (authorization) => t.get(`/api/messages/${group}`, { as: { authorization } }),
    ],
    [
      'POST /api/messages',
      (authorization) =>
        t.post('/api/messages', { as: { authorization }, payload: { message: 'x', handle: 'otto' } }),
    ],
    [
      'GET /api/users/@:handle/short',
      (authorization) => t.get('/api/users/@otto/short', { as: { authorization } }),
    ],
  ];

  it('accepts a valid access token, with the scheme in any case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const response = await t.get('/api/message_groups', {
        as: { authorization: `${scheme} ${t.tokenFor(mira)}` },
      });
      expect(response.statusCode, scheme).toBe(200);
    }
  });

  it('rejects every bad token kind on every route with 401 invalid_token, never a 5xx', async () => {
    expect(Object.keys(tokens).length).toBeGreaterThanOrEqual(15);
    for (const [route, call] of routes()) {
      for (const [kind, token] of Object.entries(tokens)) {
        const response = await call(`Bearer ${token}`);
        expect(response.statusCode, `${route} with ${kind}: ${response.body}`).toBe(401);
        expect(response.headers['www-authenticate'], kind).toBe('Bearer error="invalid_token"');
        expect(response.json(), kind).toMatchObject({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'unauthenticated',
        });
      }
    }
  });

  it.each([
    ['another scheme', 'Basic bWlyYTpwYXNzd29yZA=='],
    ['the scheme alone', 'Bearer'],
    ['two tokens', 'Bearer abc def'],
    ['an empty value', ''],
    ['characters outside b64token', 'Bearer abc$%^'],
    ['a token over 8 KiB', `Bearer ${'a'.repeat(9000)}`],
  ])('rejects a malformed Authorization header (%s) with 401 invalid_token', async (_name, authorization) => {
    for (const [route, call] of routes()) {
      const response = await call(authorization);
      expect(response.statusCode, route).toBe(401);
      expect(response.headers['www-authenticate'], route).toBe('Bearer error="invalid_token"');
      expect(response.json(), route).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('challenges a request without credentials with a bare Bearer (RFC 6750 §3.1)', async () => {
    for (const path of ['/api/message_groups', `/api/messages/${group}`]) {
      const response = await t.get(path);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('names the reason in the message and never echoes the token', async () => {
    const token = tokens['an expired token'] ?? '';

    const response = await t.get('/api/message_groups', { as: { authorization: `Bearer ${token}` } });

    expect(response.json<{ message: string }>().message).toMatch(/expired/);
    expect(response.body).not.toContain(token);
  });
});
