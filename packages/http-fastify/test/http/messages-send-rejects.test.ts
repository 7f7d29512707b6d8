import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from './support/store-snapshot.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('POST /api/messages refuses bad bodies with a code and writes nothing', () => {
  let t: TestApp;
  let mira: User;

  beforeEach(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira', 'Mira Sol');
    await t.aUser('otto', 'Otto Rank');
  });
  afterEach(() => t.close());

  const group = 'abababab-0000-4000-8000-000000000001';
  type Case = [name: string, payload: unknown, status: number, code: string, errors?: string[]];
  const cases: Case[] = [
    ['a missing message', { handle: 'otto' }, 400, 'invalid_request'],
    ['an empty message', { message: '', handle: 'otto' }, 422, 'message_blank', ['message_blank']],
    ['a whitespace message', { message: ' \n\t ', handle: 'otto' }, 422, 'message_blank', ['message_blank']],
    [
      '1025 code points',
      { message: '😀'.repeat(1025), handle: 'otto' },
      422,
      'message_exceed_max_chars_1024',
    ],
    ['a number as message', { message: 42, handle: 'otto' }, 400, 'invalid_request'],
    ['null as message', { message: null, handle: 'otto' }, 400, 'invalid_request'],
    ['an array as message', { message: ['hi'], handle: 'otto' }, 400, 'invalid_request'],
    ['a number as handle', { message: 'hi', handle: 7 }, 400, 'invalid_request'],
    ['neither handle nor group', { message: 'hi' }, 400, 'invalid_message_target'],
    [
      'both handle and group',
      { message: 'hi', handle: 'otto', message_group_uuid: group },
      400,
      'invalid_message_target',
    ],
    ['a malformed group uuid', { message: 'hi', message_group_uuid: 'abc' }, 400, 'invalid_request'],
    ['a handle with a space', { message: 'hi', handle: 'ot to' }, 400, 'invalid_request'],
    [
      'an unknown handle',
      { message: 'hi', handle: 'nobody' },
      422,
      'receiver_not_found',
      ['receiver_not_found'],
    ],
    [
      "the caller's own handle",
      { message: 'hi', handle: 'mira' },
      422,
      'cannot_message_self',
      ['cannot_message_self'],
    ],
    ['an unknown property', { message: 'hi', handle: 'otto', admin: true }, 400, 'invalid_request'],
    ['a JSON array body', [{ message: 'hi', handle: 'otto' }], 400, 'invalid_request'],
    ['a JSON string body', '"hi"', 400, 'invalid_request'],
    ['a JSON null body', 'null', 400, 'invalid_request'],
    ['bad JSON', '{"message": "hi", "handle": ', 400, 'invalid_json'],
    ['an oversized body', { message: 'x'.repeat(20_000), handle: 'otto' }, 413, 'body_too_large'],
    ['a message over the schema cap', { message: 'x'.repeat(4097), handle: 'otto' }, 400, 'invalid_request'],
    [
      'a prototype-poisoning body',
      '{"message":"hi","handle":"otto","__proto__":{"x":1}}',
      400,
      'invalid_json',
    ],
  ];

  it.each(cases)('%s', async (_name, payload, status, code, errors) => {
    const before = await storeSnapshot(t.users, t.conversations);

    const response = await t.post('/api/messages', { as: mira, payload });

    expect(response.statusCode).toBe(status);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ statusCode: status, code });
    expect(typeof body.message).toBe('string');
    if (errors) expect(body.errors).toEqual(errors);
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('reports every failing validation code, not just the first', async () => {
    const response = await t.post('/api/messages', {
      as: mira,
      payload: { message: '  ', handle: 'nobody' },
    });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'message_blank',
      errors: ['message_blank', 'receiver_not_found'],
    });
  });

  it('accepts exactly 1024 code points', async () => {
    const response = await t.post('/api/messages', {
      as: mira,
      payload: { message: '😀'.repeat(1024), handle: 'otto' },
    });

    expect(response.statusCode).toBe(200);
  });

  it('answers 415 unsupported_media_type to a non-JSON body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { authorization: `Bearer ${t.tokenFor(mira)}`, 'content-type': 'text/plain' },
      payload: 'hello',
    });

    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('answers 400 invalid_json to an empty JSON body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { authorization: `Bearer ${t.tokenFor(mira)}`, 'content-type': 'application/json' },
      payload: '',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('answers 400 to a POST without a body', async () => {
    const response = await t.post('/api/messages', { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });
});
