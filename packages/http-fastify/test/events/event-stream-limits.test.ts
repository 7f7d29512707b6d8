import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@cruddur/core';
import { type ListeningApp, listeningApp } from './support/listening-app.js';

/** Opens and closes one more stream for the user: 200 while a slot is free, 429 when not. */
const probe = async (t: ListeningApp, user: User): Promise<number> => {
  const stream = await t.stream(user);
  stream.close();
  return stream.status;
};

const waitUntilFull = async (t: ListeningApp, user: User): Promise<void> => {
  const deadline = Date.now() + 5_000;
  while ((await probe(t, user)) !== 429) {
    if (Date.now() > deadline) throw new Error('the stalled stream never opened');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('event streams that must not hold the host', { timeout: 120_000 }, () => {
  let t: ListeningApp;

  beforeAll(async () => {
    t = await listeningApp({ eventStream: { maxBufferedBytes: 64 * 1024, limits: { perUser: 2, perHost: 100 } } });
  });
  afterAll(() => t.close());

  it('disconnects a client that stops reading instead of buffering for it', async () => {
    const [ada, bo] = await Promise.all([t.aUser('ada'), t.aUser('bo')]);
    const reader = await t.stream(bo);
    // A socket that sends the request and then reads nothing at all.
    const url = new URL(t.url);
    const stalled = connect(Number(url.port), url.hostname);
    stalled.pause();
    stalled.write(`GET /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.tokenFor(bo)}\r\n\r\n`);
    await waitUntilFull(t, bo);
    // 4 KiB messages until the socket buffers, then the stream's own 64 KiB, are full. bo may
    // hold two streams: a third opens once the host has dropped the stalled one.
    const big = '🦊'.repeat(1023);
    let sent = 0;
    for (let batch = 0; batch < 40; batch += 1) {
      for (let i = 0; i < 50; i += 1, sent += 1) await t.send(ada, bo, `${big}${i % 10}`);
      if ((await probe(t, bo)) === 200) break;
    }
    expect(await probe(t, bo)).toBe(200);
    // The reading client kept up and got every message meanwhile.
    await reader.next(sent, 60_000);
    reader.close();
    stalled.destroy();
  });

  it('ends open streams when the host shuts down, without waiting for clients', async () => {
    const other = await listeningApp();
    const cy = await other.aUser('cy');
    const stream = await other.stream(cy);
    expect(stream.status).toBe(200);
    const started = Date.now();
    await other.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
