import { DependencyUnavailableError, type User } from '@cruddur/core';
import { afterEach, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { withOutage } from './support/outage.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('error mapping', () => {
  let t: TestApp;
  let down: 'users' | 'conversations' | null;
  let failure: () => unknown;
  let logLines: string[];

  const build = async (): Promise<{ mira: User; otto: User; group: string }> => {
    down = null;
    failure = () => new DependencyUnavailableError('dynamodb', 3);
    logLines = [];
    t = await buildTestApp({
      logTo: (line) => logLines.push(line),
      wrapUsers: (users) =>
        withOutage(
          users,
          () => down === 'users',
          () => failure(),
        ),
      wrapConversations: (conversations) =>
        withOutage(
          conversations,
          () => down === 'conversations',
          () => failure(),
        ),
    });
    const mira = await t.aUser('mira');
    const otto = await t.aUser('otto');
    const group = (await send(t, mira, otto, 'hi')).message_group_uuid;
    return { mira, otto, group };
  };
  afterEach(() => t.close());

  it('answers 503 with Retry-After on every route while a store is down, then recovers', async () => {
    const { mira, group } = await build();
    const requests = [
      () => t.get('/api/message_groups', { as: mira }),
      () => t.get(`/api/messages/${group}`, { as: mira }),
      () => t.post('/api/messages', { as: mira, payload: { message: 'x', message_group_uuid: group } }),
      () => t.post('/api/messages', { as: mira, payload: { message: 'x', handle: 'otto' } }),
      () => t.get('/api/users/@otto/short'),
    ];
    for (const store of ['users', 'conversations'] as const) {
      down = store;
      for (const [index, request] of requests.entries()) {
        const response = await request();
        // UsersShort never touches conversations, so it stays up when only they are down.
        if (store === 'conversations' && index === 4) {
          expect(response.statusCode).toBe(200);
          continue;
        }
        expect(response.statusCode, `${store} #${index}`).toBe(503);
        expect(response.headers['retry-after']).toBe('3');
        expect(response.json()).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          code: 'dependency_unavailable',
          message: 'A service dependency is unavailable; try again shortly.',
        });
      }
    }
    down = null;
    for (const request of requests) expect((await request()).statusCode).toBe(200);
  });

  it('answers an unexpected error with a generic 500 that leaks neither message nor stack', async () => {
    const { mira } = await build();
    failure = () => new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');
    down = 'conversations';

    const response = await t.get('/api/message_groups', { as: mira });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'internal_error',
      message: 'Something went wrong on our side.',
    });
    expect(response.body).not.toMatch(/ECONNREFUSED|hunter2|at |\.ts/);
    // The operator still sees what happened.
    expect(logLines.join('\n')).toMatch(/"level":50.*ECONNREFUSED/);
  });

  it('answers a non-Error throw with the same generic 500', async () => {
    const { mira } = await build();
    failure = () => ({ toString: () => 'secret' });
    down = 'users';

    const response = await t.get('/api/message_groups', { as: mira });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.body).not.toContain('secret');
  });

  it('answers an unknown route with JSON 404 route_not_found', async () => {
    await build();

    const response = await t.get('/api/nothing-here?x=1');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'route_not_found',
      message: 'No route for GET /api/nothing-here.',
    });
  });

  it('answers a wrong method on a known path with 404 route_not_found', async () => {
    await build();

    const response = await t.app.inject({ method: 'DELETE', url: '/api/messages' });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found' });
  });

  it('answers broken percent-encoding in a path parameter with 400 invalid_url', async () => {
    const { mira } = await build();

    const response = await t.get('/api/messages/%E0%A4%A', { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'invalid_url' });
  });
});
