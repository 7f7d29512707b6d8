import type { User } from '@cruddur/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SentMessage, send } from './support/messaging.js';
import { followPages, nextLink } from './support/pages.js';
import { buildTestApp, type TestApp } from './support/test-app.js';

interface MessageJson {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

const UNKNOWN_GROUP = '0f0f0f0f-0000-4000-8000-000000000000';

describe('GET /api/messages/:message_group_uuid', () => {
  let t: TestApp;
  let mira: User;
  let otto: User;
  let group: string;

  beforeEach(async () => {
    t = await buildTestApp();
    mira = await t.aUser('mira', 'Mira Sol');
    otto = await t.aUser('otto', 'Otto Rank');
    group = (await send(t, mira, otto, 'first')).message_group_uuid;
  });
  afterEach(() => t.close());

  it("lists the messages oldest to newest with each sender's name and handle", async () => {
    const reply = await send(t, otto, group, 'second');

    const response = await t.get(`/api/messages/${group}`, { as: otto });

    expect(response.statusCode).toBe(200);
    const messages = response.json<MessageJson[]>();
    expect(messages.map((m) => [m.handle, m.display_name, m.message])).toEqual([
      ['mira', 'Mira Sol', 'first'],
      ['otto', 'Otto Rank', 'second'],
    ]);
    expect(messages[1]).toEqual({
      uuid: reply.uuid,
      display_name: 'Otto Rank',
      handle: 'otto',
      message: 'second',
      created_at: reply.created_at,
    });
    expect(Object.keys(messages[1] ?? {})).toEqual([
      'uuid',
      'display_name',
      'handle',
      'message',
      'created_at',
    ]);
    expect(response.headers.link).toBeUndefined();
  });

  it('pages through 120 messages, newest page first, every message exactly once', async () => {
    const sent: SentMessage[] = [];
    for (let i = 1; i < 120; i += 1) sent.push(await send(t, i % 2 ? otto : mira, group, `message ${i}`));

    const { pages, responses } = await followPages<MessageJson>(t, `/api/messages/${group}?limit=50`, {
      as: mira,
    });

    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    for (const page of pages) {
      const times = page.map((m) => m.created_at);
      expect(times).toEqual([...times].sort());
    }
    const chronological = pages.toReversed().flat();
    expect(chronological.map((m) => m.message)).toEqual(['first', ...sent.map((m) => m.message)]);
    expect(new Set(chronological.map((m) => m.uuid)).size).toBe(120);
    expect(nextLink(responses[0] ?? never())).toMatch(
      new RegExp(`^/api/messages/${group}\\?limit=50&cursor=[A-Za-z0-9_-]+$`),
    );
    expect(responses.at(-1)?.headers['x-next-cursor']).toBeUndefined();
  });

  it('answers 404 message_group_not_found to a user who is not a member', async () => {
    const eve = await t.aUser('eve');

    const response = await t.get(`/api/messages/${group}`, { as: eve });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'message_group_not_found',
      message: 'No such message group.',
    });
  });

  it('answers a group that does not exist exactly like one the caller is not in', async () => {
    const eve = await t.aUser('eve');
    const notMember = await t.get(`/api/messages/${group}`, { as: eve });

    const missing = await t.get(`/api/messages/${UNKNOWN_GROUP}`, { as: eve });

    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(notMember.json());
  });

  it.each(['not-a-uuid', '12345', `${UNKNOWN_GROUP}0`, 'zzzzzzzz-0000-4000-8000-000000000000'])(
    'rejects the malformed group id %s with 400 invalid_request',
    async (id) => {
      const response = await t.get(`/api/messages/${id}`, { as: mira });

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    },
  );

  it('rejects a cursor issued for another group with 400 invalid_cursor', async () => {
    const eve = await t.aUser('eve');
    const other = (await send(t, mira, eve, 'one')).message_group_uuid;
    await send(t, mira, other, 'two');
    const cursor = (await t.get(`/api/messages/${other}?limit=1`, { as: mira })).headers['x-next-cursor'];

    const response = await t.get(`/api/messages/${group}?cursor=${String(cursor)}`, { as: mira });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it('answers 401 without a token, before looking at the group', async () => {
    const response = await t.get(`/api/messages/${group}`);

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

function never(): never {
  throw new Error('no response');
}
