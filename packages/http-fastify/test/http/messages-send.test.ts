import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { storeSnapshot } from './support/store-snapshot.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('POST /api/messages', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;

  beforeEach(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira', 'Mira Sol');
    otto = await t.aUser('otto', 'Otto Rank');
  });
  afterEach(() => t.close());

  it('starts a conversation by handle and answers with the stored message', async () => {
    const response = await t.post('/api/messages', {
      as: mira,
      payload: { message: '  hello otto  ', handle: 'otto' },
    });

    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, string>>();
    expect(body).toEqual({
      message_group_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      display_name: 'Mira Sol',
      handle: 'mira',
      message: 'hello otto',
      created_at: expect.stringMatching(/\.\d{6}\+00:00$/),
    });
    expect(Object.keys(body)).toEqual([
      'message_group_uuid',
      'uuid',
      'display_name',
      'handle',
      'message',
      'created_at',
    ]);
    expect(body.uuid).not.toBe(mira.uuid);
    const [stored] = (
      await t.conversations.listMessages(body.message_group_uuid ?? '', { limit: 5, cursor: null })
    ).items;
    expect(stored).toMatchObject({ uuid: body.uuid, text: 'hello otto', createdAt: body.created_at });
  });

  it("replies into a group by uuid; `uuid` is the new message's, not the sender's", async () => {
    const first = await send(t, mira, otto, 'hi');

    const response = await t.post('/api/messages', {
      as: otto,
      payload: { message: 'hi back', message_group_uuid: first.message_group_uuid },
    });

    expect(response.statusCode).toBe(200);
    const reply = response.json<Record<string, string>>();
    expect(reply).toMatchObject({
      message_group_uuid: first.message_group_uuid,
      handle: 'otto',
      display_name: 'Otto Rank',
      message: 'hi back',
    });
    expect(reply.uuid).not.toBe(otto.uuid);
    expect(reply.uuid).not.toBe(first.uuid);
  });

  it('keeps one conversation per pair, whichever side starts it', async () => {
    const a = await send(t, mira, otto, 'one');
    const b = await send(t, otto, mira, 'two');

    expect(b.message_group_uuid).toBe(a.message_group_uuid);
    expect((await t.conversations.storedInboxRows(mira.uuid)).length).toBe(1);
  });

  it('answers 404 to a non-member posting into a group, and stores nothing', async () => {
    const group = (await send(t, mira, otto, 'private')).message_group_uuid;
    const eve = await t.aUser('eve');
    const before = await storeSnapshot(t.users, t.conversations);

    const response = await t.post('/api/messages', {
      as: eve,
      payload: { message: 'let me in', message_group_uuid: group },
    });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'message_group_not_found' });
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('answers 401 to an anonymous post without reading the body', async () => {
    const response = await t.post('/api/messages', { payload: '{not json' });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });
});
