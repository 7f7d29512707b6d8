import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send } from './support/messaging.js';
import { followPages, nextLink } from './support/pages.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

interface InboxJson {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

describe('GET /api/message_groups', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;

  beforeEach(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira', 'Mira Sol');
    otto = await t.aUser('otto', 'Otto Rank');
  });
  afterEach(() => t.close());

  it("lists the caller's conversations with the other member's name and the latest message", async () => {
    const first = await send(t, mira, otto, 'hi otto');
    await send(t, otto, first.message_group_uuid, 'hi mira');

    const response = await t.get('/api/message_groups', { as: mira });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const [entry, ...rest] = response.json<InboxJson[]>();
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      uuid: first.message_group_uuid,
      display_name: 'Otto Rank',
      handle: 'otto',
      message: 'hi mira',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
      // Mira's marker moved to her own first message; Otto's reply is unread.
      unread_count: 1,
      last_read_at: first.created_at,
    });
    // The original's five fields first (its frontend ignores the rest).
    expect(Object.keys(entry ?? {})).toEqual([
      'uuid',
      'display_name',
      'handle',
      'message',
      'created_at',
      'unread_count',
      'last_read_at',
    ]);
  });

  it('answers an empty inbox with [] and no next-page headers', async () => {
    const response = await t.get('/api/message_groups', { as: mira });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    expect(response.headers.link).toBeUndefined();
    expect(response.headers['x-next-cursor']).toBeUndefined();
  });

  it('pages through a 60-group inbox newest first, each group exactly once', async () => {
    const others: User[] = [];
    for (let i = 0; i < 60; i += 1) {
      const other = await t.aUser(`friend${String(i).padStart(2, '0')}`);
      others.push(other);
      await send(t, other, mira, `from ${other.handle}`);
    }

    const { pages, responses } = await followPages<InboxJson>(t, '/api/message_groups?limit=7', { as: mira });

    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    const handles = pages.flat().map((entry) => entry.handle);
    expect(handles).toEqual(others.map((other) => other.handle).reverse());
    for (const response of responses.slice(0, -1)) {
      const link = nextLink(response);
      expect(link).toMatch(/^\/api\/message_groups\?limit=7&cursor=/);
      expect(new URL(link ?? '', 'http://x').searchParams.get('cursor')).toBe(
        response.headers['x-next-cursor'],
      );
    }
    const last = responses.at(-1);
    expect(last?.headers.link).toBeUndefined();
    expect(last?.headers['x-next-cursor']).toBeUndefined();
  });

  it('uses 20 as the default page size and keeps it in the next link', async () => {
    for (let i = 0; i < 21; i += 1) await send(t, await t.aUser(`f${i}`), mira, 'hello');

    const response = await t.get('/api/message_groups', { as: mira });

    expect(response.json()).toHaveLength(20);
    expect(nextLink(response)).toMatch(/^\/api\/message_groups\?limit=20&cursor=/);
  });

  it.each([['0'], ['51'], ['-1'], ['1.5'], ['abc'], ['true'], ['']])(
    'rejects limit=%s with 400 invalid_request',
    async (limit) => {
      const response = await t.get(`/api/message_groups?limit=${limit}`, { as: mira });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid_request',
      });
    },
  );

  it('rejects a repeated limit parameter with 400', async () => {
    const response = await t.get('/api/message_groups?limit=5&limit=6', { as: mira });

    expect(response.statusCode).toBe(400);
  });

  it('rejects a cursor it did not issue with 400 invalid_cursor', async () => {
    const response = await t.get('/api/message_groups?cursor=bm90LWEtY3Vyc29y', { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it("rejects another user's cursor with 400 invalid_cursor", async () => {
    for (let i = 0; i < 3; i += 1) await send(t, await t.aUser(`g${i}`), otto, 'hello');
    const ottoPage = await t.get('/api/message_groups?limit=1', { as: otto });
    const cursor = ottoPage.headers['x-next-cursor'];

    const response = await t.get(`/api/message_groups?cursor=${String(cursor)}`, { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it('rejects an oversized cursor with 400 before any lookup', async () => {
    const response = await t.get(`/api/message_groups?cursor=${'a'.repeat(2000)}`, { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_request' });
  });

  it('answers 403 caller_not_registered for a valid token whose sub has no user', async () => {
    const token = t.issuer.issueAccessToken({ sub: 'sub-nobody', username: 'nobody' }).accessToken;

    const response = await t.get('/api/message_groups', { as: { authorization: `Bearer ${token}` } });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'caller_not_registered',
    });
  });

  it('answers 401 without a token', async () => {
    const response = await t.get('/api/message_groups');

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'unauthenticated',
    });
  });
});
