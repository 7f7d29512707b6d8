import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

const readUrl = (group: string) => `/api/message_groups/${group}/read`;

describe('POST /api/message_groups/:uuid/read and unread counts', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;
  const inbox = async (as: User) =>
    (await t.get('/api/message_groups', { as })).json<Array<{ unread_count: number; last_read_at: string | null }>>();

  beforeEach(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira');
    otto = await t.aUser('otto');
  });
  afterEach(() => t.close());

  it('shows unread counts and markers in the inbox, and marks read up to the latest message by default', async () => {
    const first = await send(t, mira, otto, 'one');
    const second = await send(t, mira, first.message_group_uuid, 'two');
    expect(await inbox(otto)).toEqual([expect.objectContaining({ unread_count: 2, last_read_at: null })]);
    // The sender's own marker moved with their send.
    expect(await inbox(mira)).toEqual([expect.objectContaining({ unread_count: 0, last_read_at: second.created_at })]);

    const response = await t.post(readUrl(first.message_group_uuid), { as: otto });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      message_group_uuid: first.message_group_uuid,
      last_read_at: second.created_at,
      unread_count: 0,
    });
    expect(await inbox(otto)).toEqual([expect.objectContaining({ unread_count: 0, last_read_at: second.created_at })]);
  });

  it('marks read up to a given time, only forward; a repeat answers the same', async () => {
    const first = await send(t, mira, otto, 'one');
    await send(t, mira, first.message_group_uuid, 'two');
    const partly = await t.post(readUrl(first.message_group_uuid), { as: otto, payload: { up_to: first.created_at } });
    expect(partly.json()).toMatchObject({ last_read_at: first.created_at, unread_count: 1 });
    await t.post(readUrl(first.message_group_uuid), { as: otto });
    const back = await t.post(readUrl(first.message_group_uuid), { as: otto, payload: { up_to: first.created_at } });
    const again = await t.post(readUrl(first.message_group_uuid), { as: otto });
    expect(back.json()).toEqual(again.json());
    expect(again.json()).toMatchObject({ unread_count: 0 });
  });

  it('answers a non-member exactly as an unknown group, and refuses a bad time or an unknown field', async () => {
    const eve = await t.aUser('eve');
    const private_ = await send(t, mira, otto, 'private');
    const outsider = await t.post(readUrl(private_.message_group_uuid), { as: eve });
    const unknown = await t.post(readUrl('00000000-0000-4000-8000-000000000000'), { as: eve });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toEqual(unknown.json());
    const bad = await t.post(readUrl(private_.message_group_uuid), { as: otto, payload: { up_to: 'yesterday' } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_read_marker']);
    const extra = await t.post(readUrl(private_.message_group_uuid), { as: otto, payload: { upto: 'x' } });
    expect(extra.statusCode).toBe(400);
    expect((await t.post(readUrl(private_.message_group_uuid))).statusCode).toBe(401);
    // Nothing was marked by the refused calls.
    expect(await inbox(otto)).toEqual([expect.objectContaining({ unread_count: 1, last_read_at: null })]);
  });
});
