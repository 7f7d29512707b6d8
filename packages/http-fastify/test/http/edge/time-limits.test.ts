import { connect, type Socket } from 'node:net';
import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const LIMIT_MS = 600;

/** A client that sends `head` at once, then one byte of `drip` every `everyMs`, and records the answer. */
function slowClient(address: string, head: string, drip: string, everyMs: number) {
  const { hostname, port } = new URL(address);
  const started = Date.now();
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(head);
      let sent = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || sent >= drip.length) return clearInterval(timer);
        socket.write(drip[sent] ?? '');
        sent += 1;
      }, everyMs);
      socket.on('close', () => clearInterval(timer));
    });
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
    setTimeout(() => reject(new Error('the connection stayed open')), 20 * LIMIT_MS).unref();
  });
}

describe('a request must arrive whole within the time limit', () => {
  let t: TestApp;
  let mira: User;
  let address: string;

  beforeAll(async () => {
    t = await buildTestApp({ edge: { requestTimeoutMs: LIMIT_MS } });
    mira = await t.aUser('mira');
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('answers a body sent one byte at a time with 408 in the error shape and closes the connection', async () => {
    const body = JSON.stringify({ message: 'slowly, slowly', handle: 'otto' });
    const head =
      `POST /api/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.tokenFor(mira)}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, closedAfterMs } = await slowClient(address, head, body, 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(answer).toContain('Connection: close');
    const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(json).toEqual({
      statusCode: 408,
      error: 'Request Timeout',
      code: 'request_timeout',
      message: expect.any(String),
    });
    expect(closedAfterMs).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(closedAfterMs).toBeLessThan(LIMIT_MS * 6);
    expect(await t.conversations.storedInboxRows(mira.uuid)).toEqual([]);
  });

  it('also bounds headers that never finish', async () => {
    const { answer } = await slowClient(
      address,
      'GET /api/message_groups HTTP/1.1\r\n',
      `X-Slow: ${'a'.repeat(100)}`,
      100,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('lets a request that arrives in time through', async () => {
    const response = await fetch(`${address}/healthz`);
    expect(response.status).toBe(200);
  });
});
