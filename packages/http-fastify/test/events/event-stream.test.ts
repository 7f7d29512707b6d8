import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningApp, listeningApp } from './support/listening-app.js';
import { openEventStream } from '@cruddur/engines';

describe('GET /api/events on a listening host', () => {
  let t: ListeningApp;
  let ada: User;
  let bo: User;
  let eve: User;
  let fin: User;

  beforeAll(async () => {
    t = await listeningApp({ eventStream: { heartbeatMs: 50, limits: { perUser: 3, perHost: 100 } } });
    ada = await t.aUser('ada');
    bo = await t.aUser('bo');
    eve = await t.aUser('eve');
    fin = await t.aUser('fin');
  });
  afterAll(() => t.close());

  it('sends every message to both members, the sender included, exactly as POST /api/messages answered', async () => {
    const [adaStream, boStream] = [await t.stream(ada), await t.stream(bo)];
    expect(adaStream.status).toBe(200);
    expect(adaStream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const sent = await t.send(ada, bo, 'hello over SSE');
    for (const stream of [adaStream, boStream]) {
      const [event] = await stream.next(1);
      expect(event?.event).toBe('message');
      expect(event?.id).toMatch(/^\d+-/);
      expect(JSON.parse(event?.data ?? '')).toEqual(sent);
    }
    adaStream.close();
    boStream.close();
  });

  it("never carries another pair's message to an outsider", async () => {
    const outsider = await t.stream(eve);
    await t.send(ada, bo, 'just between us');
    const marker = await t.send(fin, eve, 'for eve');
    await outsider.next(1);
    expect(outsider.messages()).toEqual([marker]);
    outsider.close();
  });

  it('sends a heartbeat comment line at the configured interval', async () => {
    const stream = await t.stream(fin);
    const deadline = Date.now() + 5_000;
    while (stream.comments() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stream.comments()).toBeGreaterThanOrEqual(3);
    stream.close();
  });

  it('answers 429 with Retry-After past the streams one user may hold, and frees the slot on disconnect', async () => {
    const open = await Promise.all([t.stream(eve), t.stream(eve), t.stream(eve)]);
    const over = await t.stream(eve);
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBe('5');
    expect(JSON.parse(await over.body())).toMatchObject({ statusCode: 429, code: 'too_many_streams' });
    open[0]?.close();
    await waitUntil(async () => {
      const retry = await t.stream(eve);
      retry.close();
      return retry.status === 200;
    });
    for (const stream of open) stream.close();
  });

  it('refuses a stream without a token, and a Last-Event-ID it never sent', async () => {
    const anonymous = await openEventStream(`${t.url}/api/events`);
    expect(anonymous.status).toBe(401);
    const bad = await t.stream(ada, { headers: { 'last-event-id': 'not-an-id' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(await bad.body())).toMatchObject({ code: 'invalid_last_event_id' });
  });

  it('ends the stream when the token expires', async () => {
    const token = t.issuer.issueAccessToken({ sub: 'sub-fin', username: 'fin' }, { expiresInSeconds: 1 }).accessToken;
    const stream = await openEventStream(`${t.url}/api/events`, { authorization: `Bearer ${token}` });
    expect(stream.status).toBe(200);
    const started = Date.now();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
