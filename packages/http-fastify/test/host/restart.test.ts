import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStream } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDataDir } from './support/data-dir.js';
import { type HostProcess, killLeftoverHosts, refusedStart, startHostProcess } from './support/start-process.js';

// The host as `npm start` runs it: a child process of the start entry, on a data directory.
let dataDir: Awaited<ReturnType<typeof temporaryDataDir>>;
beforeAll(async () => {
  dataDir = await temporaryDataDir();
});
afterAll(async () => {
  killLeftoverHosts();
  await dataDir?.remove();
});

const tokenFor = async (host: HostProcess, handle: string) => {
  const response = await fetch(`${host.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle }),
  });
  expect(response.status).toBe(200);
  return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
};

const get = async (host: HostProcess, path: string, authorization: string) => {
  const response = await fetch(`${host.url}${path}`, { headers: { authorization } });
  return { status: response.status, body: (await response.json()) as Array<{ uuid: string; handle: string; message: string }> };
};

describe('npm start on a data directory', () => {
  let groupUuid: string;

  it('keeps a conversation across a restart (SIGTERM, start again), without loading the demo twice', async () => {
    const first = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path });
    const sent = await fetch(`${first.url}/api/messages`, {
      method: 'POST',
      headers: { authorization: await tokenFor(first, 'kofi'), 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'tomas', message: 'Still here after a restart?' }),
    });
    expect(sent.status).toBe(200);
    groupUuid = ((await sent.json()) as { message_group_uuid: string }).message_group_uuid;
    // Event-stream tickets live in the embedded PostgreSQL too: one issued now opens a stream after the restart.
    const issued = await fetch(`${first.url}/api/events/ticket`, { method: 'POST', headers: { authorization: await tokenFor(first, 'kofi') } });
    const { ticket } = (await issued.json()) as { ticket: string };

    // A second host on the same directory is refused while the first one holds it.
    const second = await refusedStart({ CRUDDUR_DATA_DIR: dataDir.path });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/data directory .* is in use by another host \(pid \d+\)/);
    expect(await first.stop()).toBe(0);

    const again = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path });
    const kofi = await tokenFor(again, 'kofi');
    const messages = await get(again, `/api/messages/${groupUuid}`, kofi);
    expect(messages.status).toBe(200);
    expect(messages.body.map((m) => m.message)).toEqual(['Still here after a restart?']);
    const inbox = await get(again, '/api/message_groups', await tokenFor(again, 'mira'));
    expect(inbox.body.map((g) => g.handle)).toEqual(['ines', 'tomas']);
    const users = (await (await fetch(`${again.url}/dev/users`)).json()) as unknown[];
    expect(users).toHaveLength(4);
    const stream = await openEventStream(`${again.url}/api/events?ticket=${ticket}`);
    expect(stream.status).toBe(200);
    stream.close();
    expect((await openEventStream(`${again.url}/api/events?ticket=${ticket}`)).status).toBe(401);
    expect(await again.stop()).toBe(0);
  }, 180_000);

  it('--reset starts over with the demo data alone (after the test above)', async () => {
    expect(groupUuid).toBeDefined();
    const reset = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path }, ['--reset']);
    const kofi = await tokenFor(reset, 'kofi');
    expect((await get(reset, `/api/messages/${groupUuid}`, kofi)).status).toBe(404);
    const inbox = (await get(reset, '/api/message_groups', kofi)).body;
    expect(inbox.map((g) => [g.handle, g.message])).toEqual([['ines', 'They are gorgeous, thank you!']]);
    expect(await reset.stop()).toBe(0);
  }, 120_000);
});

describe('an uncaught error', () => {
  it('shuts the host down gracefully: engines stopped, data directory released, exit code 1', async () => {
    const host = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path }, [], { crashable: true });
    expect(existsSync(join(dataDir.path, 'postgres', 'postmaster.pid'))).toBe(true);
    expect(await host.crash()).toBe(1);
    expect(host.output()).toContain('uncaught error, shutting down');
    expect(host.output()).toContain('uncaught, on purpose');
    // PostgreSQL removes its pid file when it stops cleanly; the host removes its lock.
    expect(existsSync(join(dataDir.path, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir.path, 'host.pid'))).toBe(false);
  }, 120_000);

  it('after a SIGKILL, the next start takes over the lock and the PostgreSQL left running', async () => {
    const killed = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path });
    await killed.kill();
    expect(existsSync(join(dataDir.path, 'host.pid'))).toBe(true);
    const next = await startHostProcess({ CRUDDUR_DATA_DIR: dataDir.path });
    expect((await get(next, '/api/message_groups', await tokenFor(next, 'mira'))).status).toBe(200);
    expect(await next.stop()).toBe(0);
  }, 120_000);
});

describe('the loopback rule', () => {
  it('refuses to serve the dev issuer on a non-loopback address, and says why', async () => {
    const refused = await refusedStart({ HOST: '0.0.0.0' }, ['--memory']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('HOST: "0.0.0.0" is not a loopback address');
    expect(refused.output).toContain('CRUDDUR_EXPOSE_DEV_ISSUER=1');
  }, 60_000);

  it('listens there when CRUDDUR_EXPOSE_DEV_ISSUER=1 says so', async () => {
    const exposed = await startHostProcess({ HOST: '0.0.0.0', CRUDDUR_EXPOSE_DEV_ISSUER: '1' }, ['--memory']);
    const port = new URL(exposed.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await exposed.stop()).toBe(0);
  }, 60_000);
});
