import type { User } from '@cruddur/core';
import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../support/messaging.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const expectTooMany = (response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) => {
  expect(response.statusCode).toBe(429);
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(response.json()).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code: 'rate_limited',
    message: expect.stringMatching(/^Too many requests; retry in \d+ s\.$/),
  });
};

describe('rate limits', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('limits sends per caller: a burst, then 429 with Retry-After, while another caller still sends', async () => {
    t = await buildTestApp({ edge: { sendsPerSecond: 1, sendBurst: 3 } });
    const [mira, otto, ines] = [await t.aUser('mira'), await t.aUser('otto'), await t.aUser('ines')];
    const group = (await send(t, mira, otto, 'one')).message_group_uuid;
    // In parallel, so all of them land well inside the 3-second window even on a loaded machine.
    await Promise.all([send(t, mira, group, 'two'), send(t, mira, group, 'three')]);
    const fourth = await t.post('/api/messages', {
      as: mira,
      payload: { message: 'four', message_group_uuid: group },
    });
    expectTooMany(fourth);
    expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(3);
    // The limit is the caller's, not the group's or the IP's.
    await send(t, otto, group, 'from otto');
    await send(t, ines, mira, 'from ines');
    // Reads are not sends.
    expect((await t.get(`/api/messages/${group}`, { as: mira })).statusCode).toBe(200);
    const texts = (await t.get(`/api/messages/${group}`, { as: mira })).json<Array<{ message: string }>>();
    expect(texts.map((m) => m.message)).not.toContain('four');
  });

  it('limits /dev/token per client IP', async () => {
    t = await buildTestApp({ edge: { devTokensPerMinute: 2 } });
    await t.aUser('mira');
    const mint = (ip: string) =>
      t.app.inject({ method: 'POST', url: '/dev/token', payload: { handle: 'mira' }, remoteAddress: ip });
    expect((await mint('10.0.0.1')).statusCode).toBe(200);
    expect((await mint('10.0.0.1')).statusCode).toBe(200);
    expectTooMany(await mint('10.0.0.1'));
    expect((await mint('10.0.0.2')).statusCode).toBe(200);
  });

  it('limits failed authentications per IP, then refuses that IP before verifying anything', async () => {
    t = await buildTestApp({ edge: { authFailuresPerMinute: 3 } });
    const mira: User = await t.aUser('mira');
    const call = (authorization: string, ip: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/message_groups',
        headers: { authorization },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i += 1)
      expect((await call('Bearer bad.token.here', '10.0.0.9')).statusCode).toBe(401);
    expectTooMany(await call('Bearer bad.token.here', '10.0.0.9'));
    // Exhausted: even a good token from that IP waits out the window.
    expectTooMany(await call(`Bearer ${t.tokenFor(mira)}`, '10.0.0.9'));
    // Other IPs, and requests without a token, are untouched.
    expect((await call('Bearer bad.token.here', '10.0.0.10')).statusCode).toBe(401);
    expect((await call(`Bearer ${t.tokenFor(mira)}`, '10.0.0.10')).statusCode).toBe(200);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: '/api/users/@mira/short',
      remoteAddress: '10.0.0.9',
    });
    expect(anonymous.statusCode).toBe(200);
  });

  it('does not count good tokens as failures', async () => {
    t = await buildTestApp({ edge: { authFailuresPerMinute: 1 } });
    const mira = await t.aUser('mira');
    for (let i = 0; i < 5; i += 1)
      expect((await t.get('/api/message_groups', { as: mira })).statusCode).toBe(200);
  });
});
