import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('dev routes (embedded mode)', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it("serves the local issuer's JWKS", async () => {
    t = await buildTestApp();

    const response = await t.get('/.well-known/jwks.json');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(t.issuer.jwks());
    expect(response.json<{ keys: Array<Record<string, unknown>> }>().keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
    });
    expect(response.body).not.toMatch(/"d"|"p"|"q"/);
  });

  it('POST /dev/token issues an access token the API accepts', async () => {
    t = await buildTestApp();
    await t.aUser('mira');

    const response = await t.post('/dev/token', { payload: { handle: 'mira' } });

    expect(response.statusCode).toBe(200);
    const body = response.json<{ access_token: string; token_type: string; expires_in: number }>();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    const inbox = await t.get('/api/message_groups', {
      as: { authorization: `Bearer ${body.access_token}` },
    });
    expect(inbox.statusCode).toBe(200);
  });

  it('POST /dev/token answers 404 user_not_found for an unknown handle', async () => {
    t = await buildTestApp();

    const response = await t.post('/dev/token', { payload: { handle: 'nobody' } });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'user_not_found' });
  });

  it('POST /dev/token answers 404 for a user without a Cognito sub, who could never sign in', async () => {
    t = await buildTestApp();
    await t.users.create({ handle: 'ghost', displayName: 'Ghost', email: 'ghost@example.test' });

    const response = await t.post('/dev/token', { payload: { handle: 'ghost' } });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'user_not_found' });
  });

  it.each([[{}], [{ handle: 5 }], [{ handle: 'mira', sub: 'x' }], [{ handle: 'a b' }]])(
    'POST /dev/token rejects the body %j with 400',
    async (payload) => {
      t = await buildTestApp();

      const response = await t.post('/dev/token', { payload });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    },
  );

  it('GET /dev/users lists every user by handle', async () => {
    t = await buildTestApp();
    await t.aUser('otto', 'Otto Rank');
    await t.aUser('mira', 'Mira Sol');

    const response = await t.get('/dev/users');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { handle: 'mira', display_name: 'Mira Sol' },
      { handle: 'otto', display_name: 'Otto Rank' },
    ]);
  });

  it('does not exist without a dev issuer', async () => {
    t = await buildTestApp({ devRoutes: false });

    for (const [method, url] of [
      ['GET', '/.well-known/jwks.json'],
      ['POST', '/dev/token'],
      ['GET', '/dev/users'],
    ] as const) {
      const response = method === 'POST' ? await t.post(url, { payload: { handle: 'x' } }) : await t.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'route_not_found' });
    }
  });
});
