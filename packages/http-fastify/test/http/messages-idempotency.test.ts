import { FixedClock } from '@cruddur/adapters-memory';
import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeSnapshot } from './support/store-snapshot.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

describe('POST /api/messages with an Idempotency-Key', () => {
  let t: TestApp;
  let clock: FixedClock;
  let mira: User;
  let otto: User;

  beforeEach(async () => {
    clock = new FixedClock('2026-03-01T10:00:00.250000Z');
    t = await buildTestApp({ clock });
    mira = await t.aUser('mira', 'Mira Sol');
    otto = await t.aUser('otto', 'Otto Rank');
  });
  afterEach(() => t.close());

  const sendAs = (as: User, key: string | null, payload: Record<string, string>) =>
    t.post('/api/messages', { as, payload, headers: key === null ? {} : { 'idempotency-key': key } });

  const messagesOf = async (groupUuid: string) =>
    (await t.conversations.listMessages(groupUuid, { limit: 50, cursor: null })).items;

  it('answers 20 parallel repeats with one identical response and stores one message', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => sendAs(mira, 'retry-1', { message: 'hello', handle: 'otto' })),
    );

    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    const first = responses[0]?.json<{ uuid: string; message_group_uuid: string; created_at: string }>();
    const stored = await messagesOf(first?.message_group_uuid ?? '');
    expect(stored.map((m) => [m.uuid, m.createdAt])).toEqual([[first?.uuid, first?.created_at]]);
    expect(await t.conversations.storedInboxRows(otto.uuid)).toHaveLength(1);
  });

  it('answers a later repeat with the first response, even after other messages', async () => {
    const first = await sendAs(mira, 'k', { message: 'one', handle: 'otto' });
    const group = first.json<{ message_group_uuid: string }>().message_group_uuid;
    clock.advance({ seconds: 3600 });
    await sendAs(otto, null, { message: 'reply', message_group_uuid: group });
    const again = await sendAs(mira, 'k', { message: 'one', handle: 'otto' });

    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect((await messagesOf(group)).map((m) => m.text)).toEqual(['one', 'reply']);
  });

  it('sends every request without a key, as the original frontend does', async () => {
    await sendAs(mira, null, { message: 'same', handle: 'otto' });
    const second = await sendAs(mira, null, { message: 'same', handle: 'otto' });

    const stored = await messagesOf(second.json<{ message_group_uuid: string }>().message_group_uuid);
    expect(stored.map((m) => m.text)).toEqual(['same', 'same']);
  });

  it.each([
    ['another text', { message: 'hello!', handle: 'otto' }],
    ['the same text padded', { message: ' hello ', handle: 'otto' }],
    ['another receiver', { message: 'hello', handle: 'ines' }],
  ])('refuses the key with %s: 422 idempotency_key_reused, nothing written', async (_, payload) => {
    await t.aUser('ines');
    await sendAs(mira, 'k', { message: 'hello', handle: 'otto' });
    const before = await storeSnapshot(t.users, t.conversations);

    const response = await sendAs(mira, 'k', payload);

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ statusCode: 422, code: 'idempotency_key_reused' });
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('refuses a reply into the group under a key first used to start it', async () => {
    const first = await sendAs(mira, 'k', { message: 'hello', handle: 'otto' });
    const group = first.json<{ message_group_uuid: string }>().message_group_uuid;

    const response = await sendAs(mira, 'k', { message: 'hello', message_group_uuid: group });

    expect(response.json()).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('keeps keys per sender: another user may use the same key', async () => {
    const fromMira = await sendAs(mira, 'shared', { message: 'hi otto', handle: 'otto' });
    const fromOtto = await sendAs(otto, 'shared', { message: 'hi mira', handle: 'mira' });

    expect(fromOtto.statusCode).toBe(200);
    expect(fromOtto.json<{ uuid: string }>().uuid).not.toBe(fromMira.json<{ uuid: string }>().uuid);
    const group = fromMira.json<{ message_group_uuid: string }>().message_group_uuid;
    expect((await messagesOf(group)).map((m) => m.text)).toEqual(['hi otto', 'hi mira']);
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
    ['with a space', 'my key'],
    ['with a tab', 'my\tkey'],
    ['with DEL', 'key\u007f'],
  ])('answers 400 idempotency_key_invalid to a key %s, writing nothing', async (_, key) => {
    const before = await storeSnapshot(t.users, t.conversations);

    const response = await sendAs(mira, key, { message: 'hello', handle: 'otto' });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotency_key_invalid' });
    expect(await storeSnapshot(t.users, t.conversations)).toEqual(before);
  });

  it('takes a 255-character key of any visible ASCII', async () => {
    const visible = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    const key = visible.repeat(3).slice(0, 255);

    const first = await sendAs(mira, key, { message: 'hello', handle: 'otto' });
    const again = await sendAs(mira, key, { message: 'hello', handle: 'otto' });

    expect(first.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
  });

  it('forgets a key 24 hours after its first use', async () => {
    const first = await sendAs(mira, 'daily', { message: 'good morning', handle: 'otto' });
    clock.advance({ seconds: 24 * 3600 - 1 });
    const lastRepeat = await sendAs(mira, 'daily', { message: 'good morning', handle: 'otto' });
    clock.advance({ seconds: 1 });
    const nextDay = await sendAs(mira, 'daily', { message: 'good morning', handle: 'otto' });

    expect(lastRepeat.body).toBe(first.body);
    expect(nextDay.statusCode).toBe(200);
    expect(nextDay.json<{ uuid: string }>().uuid).not.toBe(first.json<{ uuid: string }>().uuid);
    const group = first.json<{ message_group_uuid: string }>().message_group_uuid;
    expect(await messagesOf(group)).toHaveLength(2);
  });

  it('documents the header and both codes in the OpenAPI', async () => {
    const doc = (await t.get('/openapi.json')).json<{
      paths: Record<string, { post: { parameters: Array<{ in: string; name: string }>; responses: Record<string, { description: string }> } }>;
    }>();
    const send = doc.paths['/api/messages']?.post;

    expect(send?.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key' }));
    expect(send?.responses['422']?.description).toContain('idempotency_key_reused');
    expect(send?.responses['400']?.description).toContain('idempotency_key_invalid');
  });
});
