import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendConfig } from '../../src/config.js';
import { composeHost, type RunningHost } from '../../src/host.js';

const modes: ReadonlyArray<[string, BackendConfig]> = [
  ['memory adapters', { kind: 'memory' }],
  ['embedded engines (dynalite + pg-mem)', { kind: 'embedded', tableName: 'cruddur-messages' }],
];

describe.each(modes)('the host on %s', (_name, backend) => {
  let host: RunningHost;

  beforeAll(async () => {
    host = await composeHost({ port: 0, host: '127.0.0.1', backend });
  });
  afterAll(() => host.close());

  const tokenFor = async (handle: string): Promise<string> => {
    const response = await host.app.inject({ method: 'POST', url: '/dev/token', payload: { handle } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    return response.json<{ access_token: string }>().access_token;
  };

  it('loads the demo users, each able to get a token', async () => {
    expect(host.demoUsers.map((u) => u.handle)).toEqual(['mira', 'tomas', 'ines', 'kofi']);
    const listed = await host.app.inject({ method: 'GET', url: '/dev/users' });
    expect(listed.json<Array<{ handle: string }>>().map((u) => u.handle).sort()).toEqual(['ines', 'kofi', 'mira', 'tomas']);
  });

  it("serves mira's inbox and the 34-message ridge walk, newest page first", async () => {
    const authorization = `Bearer ${await tokenFor('mira')}`;
    const inbox = await host.app.inject({ method: 'GET', url: '/api/message_groups', headers: { authorization } });
    expect(inbox.statusCode).toBe(200);
    const groups = inbox.json<Array<{ uuid: string; handle: string; message: string }>>();
    expect(groups.map((g) => g.handle)).toEqual(['ines', 'tomas']);
    const ridge = groups.find((g) => g.handle === 'tomas');
    expect(ridge?.message).toBe('Best message of the week.');

    const first = await host.app.inject({ method: 'GET', url: `/api/messages/${ridge?.uuid}`, headers: { authorization } });
    expect(first.json()).toHaveLength(20);
    expect(first.headers.link).toMatch(/rel="next"/);
    const next = String(first.headers['x-next-cursor']);
    const second = await host.app.inject({
      method: 'GET',
      url: `/api/messages/${ridge?.uuid}?cursor=${encodeURIComponent(next)}`,
      headers: { authorization },
    });
    expect(second.json<Array<{ message: string }>>()[0]?.message).toBe('Are you still up for the ridge walk on Saturday?');
    expect(second.json()).toHaveLength(14);
    expect(second.headers.link).toBeUndefined();
  });

  it('takes a reply and moves the conversation to the top of both inboxes', async () => {
    const authorization = `Bearer ${await tokenFor('kofi')}`;
    const sent = await host.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { authorization },
      payload: { handle: 'mira', message: 'Hi Mira, Kofi here!' },
    });
    expect(sent.statusCode).toBe(200);
    const miraInbox = await host.app.inject({
      method: 'GET',
      url: '/api/message_groups',
      headers: { authorization: `Bearer ${await tokenFor('mira')}` },
    });
    expect(miraInbox.json<Array<{ handle: string; message: string }>>()[0]).toMatchObject({
      handle: 'kofi',
      message: 'Hi Mira, Kofi here!',
    });
  });

  it('reports ready', async () => {
    const ready = await host.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });
});
