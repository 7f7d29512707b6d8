import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('GET /api/users/@:handle/short', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;

  beforeAll(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira', 'Mira Sol');
    otto = await t.aUser('otto', 'Otto Rank');
  });
  afterAll(() => t.close());

  it('shows handle and display name to anonymous callers, as the original frontend expects', async () => {
    const response = await t.get('/api/users/@otto/short');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ handle: 'otto', display_name: 'Otto Rank' });
  });

  it('adds the uuid for a caller with a valid token', async () => {
    const response = await t.get('/api/users/@otto/short', { as: mira });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ uuid: otto.uuid, handle: 'otto', display_name: 'Otto Rank' });
  });

  it('answers 401 to an invalid token instead of falling back to anonymous', async () => {
    const response = await t.get('/api/users/@otto/short', { as: { authorization: 'Bearer nope' } });

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('answers 404 user_not_found for an unknown handle', async () => {
    const response = await t.get('/api/users/@nobody/short');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'user_not_found' });
  });

  it.each(['bad%20handle', 'a'.repeat(65), '%F0%9F%98%80', 'semi%3Bcolon'])(
    'rejects the malformed handle %s with 400 invalid_request',
    async (handle) => {
      const response = await t.get(`/api/users/@${handle}/short`);

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    },
  );

  it('answers a path without the @ as an unknown route', async () => {
    const response = await t.get('/api/users/otto/short');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found' });
  });
});
