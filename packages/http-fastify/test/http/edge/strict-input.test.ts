import { connect } from 'node:net';
import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/messaging.js';
import { storeSnapshot } from '../support/store-snapshot.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** Writes raw bytes to the listening app and returns the whole answer (the server closes or we time out). */
async function rawRequest(address: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer)).on('error', reject);
  });
}

describe('strict input at the edge', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;
  let group: string;
  let address: string;

  beforeAll(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira');
    otto = await t.aUser('otto');
    group = (await send(t, mira, otto, 'hi')).message_group_uuid;
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('refuses two Authorization headers without trusting either, whichever comes first', async () => {
    const good = `Bearer ${t.tokenFor(mira)}`;
    for (const [first, second] of [
      [good, 'Bearer garbage'],
      ['Bearer garbage', good],
      [good, `Bearer ${t.tokenFor(otto)}`],
      [good, good],
    ]) {
      const answer = await rawRequest(
        address,
        `GET /api/message_groups HTTP/1.1\r\nHost: x\r\nAuthorization: ${first}\r\nauthorization: ${second}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('"code":"duplicate_authorization"');
    }
    const one = await rawRequest(
      address,
      `GET /api/message_groups HTTP/1.1\r\nHost: x\r\nAuthorization: ${good}\r\nConnection: close\r\n\r\n`,
    );
    expect(one).toMatch(/^HTTP\/1\.1 200 /);
  });

  it.each([
    ['a broken two-byte sequence', Buffer.from([0x61, 0x62, 0xc3, 0x28])],
    ['an overlong slash (C0 AF)', Buffer.from([0xc0, 0xaf])],
    ['a UTF-8-encoded surrogate (ED A0 80)', Buffer.from([0xed, 0xa0, 0x80])],
    ['a truncated four-byte sequence', Buffer.from([0xf0, 0x9f, 0x98])],
  ])('answers a body with %s 400 invalid_json and stores nothing', async (_, bad) => {
    const before = await storeSnapshot(t.users, t.conversations);
    const payload = Buffer.concat([
      Buffer.from('{"message":"'),
      bad,
      Buffer.from(`","message_group_uuid":"${group}"}`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { authorization: `Bearer ${t.tokenFor(mira)}`, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'invalid_json' });
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('still takes valid multi-byte UTF-8 as sent', async () => {
    const response = await t.post('/api/messages', {
      as: mira,
      payload: { message: 'añ 😀 日本', message_group_uuid: group },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().message).toBe('añ 😀 日本');
  });

  it.each([
    ['a lone high surrogate', '"x\\ud800y"'],
    ['a lone low surrogate', '"x\\udfffy"'],
    ['a lone surrogate in upper case', '"\\uDBFF"'],
  ])('answers a message with %s 422 message_invalid_text and stores nothing', async (_, message) => {
    const before = await storeSnapshot(t.users, t.conversations);
    for (const target of [`"message_group_uuid":"${group}"`, '"handle":"otto"']) {
      const response = await t.post('/api/messages', {
        as: mira,
        payload: `{"message":${message},${target}}`,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'message_invalid_text',
        errors: ['message_invalid_text'],
      });
    }
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('reads an empty cursor as the first page, as core does', async () => {
    const first = await t.get('/api/message_groups', { as: mira });
    for (const url of ['/api/message_groups?cursor=', `/api/messages/${group}?cursor=`]) {
      const response = await t.get(url, { as: mira });
      expect(response.statusCode, url).toBe(200);
    }
    expect((await t.get('/api/message_groups?cursor=', { as: mira })).json()).toEqual(first.json());
  });
});
