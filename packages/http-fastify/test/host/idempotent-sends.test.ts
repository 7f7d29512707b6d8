import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { type DynamoEngine, pgMemDatabase, startDynalite } from '@cruddur/engines';
import { migrate } from '@cruddur/adapters-aws/postgres';
import type { User, UserDirectory } from '@cruddur/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../src/container.js';
import { composeAwsHost } from './support/aws-storage.js';

/**
 * Two hosts listening on real ports, each with its own DynamoDB client and pool (two
 * processes), over one dynalite table and one database: the production wiring (composeHost, awsModule).
 */
interface Host {
  readonly url: string;
  /** From the next message row on, this host's DynamoDB calls all fail: it has died mid-send. */
  dieAfterMessageRow(): void;
  revive(): void;
}

const TABLE = 'messages';
let engine: DynamoEngine;
let issuer: LocalTokenIssuer;
let users: UserDirectory;
let hostA: Host;
let hostB: Host;
const apps: FastifyInstance[] = [];

/** pk of a put, whether the middleware sees the document form or the marshalled one. */
const pkOfPut = (input: unknown): string | undefined => {
  const pk = (input as { Item?: { pk?: unknown } }).Item?.pk;
  if (typeof pk === 'string') return pk;
  return typeof pk === 'object' && pk !== null && 'S' in pk ? String(pk.S) : undefined;
};

const startHost = async (openPool: ReturnType<typeof pgMemDatabase>): Promise<Host> => {
  // Generous timeouts: this test is about repeats, not outages, and must hold on a loaded machine.
  const client = createDynamoDocumentClient({
    region: 'local',
    endpoint: engine.endpoint,
    connectionTimeoutMs: 15_000,
    requestTimeoutMs: 15_000,
  });
  let state: 'alive' | 'armed' | 'dead' = 'alive';
  client.middlewareStack.add(
    (next) => async (args) => {
      if (state === 'dead') throw new Error('host died');
      if (state === 'armed' && pkOfPut(args.input)?.startsWith('MSG#')) {
        await next(args);
        state = 'dead';
        throw new Error('host died right after the message row');
      }
      return next(args);
    },
    { step: 'initialize' },
  );
  const pool = openPool();
  const { app, services } = await composeAwsHost({ client, tableName: TABLE }, pool, issuer, async () => {
    client.destroy();
    await pool.end();
  });
  users = services.get(TOKENS.UserDirectory);
  apps.push(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    dieAfterMessageRow: () => {
      state = 'armed';
    },
    revive: () => {
      state = 'alive';
    },
  };
};

beforeAll(async () => {
  engine = await startDynalite();
  issuer = await LocalTokenIssuer.create({ issuer: 'http://localhost/test-issuer' });
  const openPool = pgMemDatabase();
  const setupPool = openPool();
  await migrate(setupPool);
  await setupPool.end();
  const setupClient = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  await ensureMessagesTable(setupClient, TABLE);
  setupClient.destroy();
  hostA = await startHost(openPool);
  hostB = await startHost(openPool);
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await engine?.stop();
});

let sequence = 0;
const aUser = (): Promise<User> => {
  const handle = `user${++sequence}`;
  return users.create({ handle, displayName: `User ${handle}`, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });
};

const send = async (host: Host, from: User, key: string, body: Record<string, string>) => {
  const token = issuer.issueAccessToken({ sub: from.cognitoUserId ?? '', username: from.handle }).accessToken;
  const response = await fetch(`${host.url}/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
};

const list = async (path: string, as: User) => {
  const token = issuer.issueAccessToken({ sub: as.cognitoUserId ?? '', username: as.handle }).accessToken;
  const response = await fetch(`${hostB.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return response.json() as Promise<Array<{ uuid: string; message: string; created_at: string }>>;
};

/** What the user's inbox shows for its conversations (one entry per group). */
const inboxOf = async (owner: User): Promise<string[]> =>
  (await list('/api/message_groups', owner)).map((entry) => entry.message);

describe('idempotent sends across two hosts on DynamoDB (dynalite)', () => {
  it('answers 20 identical requests in flight at once, split over both hosts, with one message', async () => {
    const [ada, bo] = [await aUser(), await aUser()];
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(i % 2 ? hostA : hostB, ada, 'once', { message: 'hi', handle: bo.handle })),
    );

    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(replies.map((r) => r.body)).size).toBe(1);
    const sent = JSON.parse(replies[0]?.body ?? '{}') as { uuid: string; message_group_uuid: string; created_at: string };
    const stored = await list(`/api/messages/${sent.message_group_uuid}`, bo);
    expect(stored.map((m) => [m.uuid, m.created_at])).toEqual([[sent.uuid, sent.created_at]]);
    expect(await inboxOf(bo)).toEqual(['hi']);
    expect(await inboxOf(ada)).toEqual(['hi']);
  });

  it('finishes the inbox rows when a send that died after its message row is retried on the other host', async () => {
    const [ada, bo] = [await aUser(), await aUser()];
    const opened = await send(hostA, ada, 'first', { message: 'before', handle: bo.handle });
    const group = (JSON.parse(opened.body) as { message_group_uuid: string }).message_group_uuid;

    hostA.dieAfterMessageRow();
    const died = await send(hostA, ada, 'second', { message: 'after', message_group_uuid: group });
    // The message row is stored; the inbox rows still carry the previous message.
    expect((await list(`/api/messages/${group}`, bo)).map((m) => m.message)).toEqual(['before', 'after']);
    expect(await inboxOf(bo)).toEqual(['before']);

    const retried = await send(hostB, ada, 'second', { message: 'after', message_group_uuid: group });
    hostA.revive();
    const again = await send(hostA, ada, 'second', { message: 'after', message_group_uuid: group });

    expect(retried.status).toBe(200);
    if (died.status === 200) expect(retried.body).toBe(died.body);
    expect(again.body).toBe(retried.body);
    const stored = await list(`/api/messages/${group}`, bo);
    const reply = JSON.parse(retried.body) as { uuid: string; created_at: string };
    expect(stored.map((m) => [m.message, m.uuid === reply.uuid])).toEqual([
      ['before', false],
      ['after', true],
    ]);
    expect(stored[1]?.created_at).toBe(reply.created_at);
    expect(await inboxOf(bo)).toEqual(['after']);
    expect(await inboxOf(ada)).toEqual(['after']);
  });

  it('refuses the same key with another body on the other host', async () => {
    const [ada, bo] = [await aUser(), await aUser()];
    await send(hostA, ada, 'k', { message: 'one', handle: bo.handle });
    const reused = await send(hostB, ada, 'k', { message: 'two', handle: bo.handle });

    expect(reused.status).toBe(422);
    expect(JSON.parse(reused.body)).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await inboxOf(bo)).toEqual(['one']);
  });
});
