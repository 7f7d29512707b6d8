import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, type DynamoConversations, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { migrate } from '@cruddur/adapters-aws/postgres';
import { type Clock, instantFromEpochMicros, SETTLE_WINDOW_MS, type User, type UserDirectory } from '@cruddur/core';
import { countDynamoCalls, type DynamoCallCounter, type DynamoEngine, pgMemPool, startDynalite } from '@cruddur/engines';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { awsModule, createContainer, resolveAppDeps, runtimeModule, TOKENS } from '../../src/container.js';

/**
 * DynamoDB calls per request (issue 10 item 4), counted at the host's own client, over real
 * HTTP on a listening host wired as production wires it (awsModule, dynalite, pg-mem).
 */
const TABLE = 'messages';
let engine: DynamoEngine;
let app: FastifyInstance;
let url: string;
let calls: DynamoCallCounter;
let users: UserDirectory;
let conversations: DynamoConversations;
let issuer: LocalTokenIssuer;
/** The host's clock; `aheadMs` moves it forward, so what was sent looks older. */
const clock: Clock & { aheadMs: number } = {
  aheadMs: 0,
  now() {
    return instantFromEpochMicros(BigInt(Math.floor((Date.now() + this.aheadMs) * 1000)));
  },
};

beforeAll(async () => {
  engine = await startDynalite();
  issuer = await LocalTokenIssuer.create({ issuer: 'http://localhost/read-cost' });
  const pool = pgMemPool();
  await migrate(pool);
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint, requestTimeoutMs: 15_000 });
  await ensureMessagesTable(client, TABLE);
  calls = countDynamoCalls(client);
  const container = createContainer(
    awsModule({ table: () => ({ client, tableName: TABLE }), pool: () => pool, tokenVerifier: issuer.verifier() }),
    runtimeModule(clock),
  );
  users = container.get(TOKENS.UserDirectory);
  conversations = container.get(TOKENS.Conversations) as DynamoConversations;
  app = await buildApp(resolveAppDeps(container));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await engine?.stop();
});

const aUser = (handle: string): Promise<User> =>
  users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });

const call = async (as: User, path: string, body?: object) => {
  const token = issuer.issueAccessToken({ sub: as.cognitoUserId ?? '', username: as.handle }).accessToken;
  const response = await fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, unknown> & Array<Record<string, unknown>>>;
};

describe('DynamoDB calls per request over HTTP (dynalite)', () => {
  it('a reply: ≤ 6 calls, ≤ 4 sequential round trips; a warm inbox: 2 in parallel; a mark-read: ≤ 3', async () => {
    const [ada, bo] = [await aUser('ada'), await aUser('bo'), await aUser('cy')];
    const opened = await call(bo, '/api/messages', { handle: 'ada', message: 'hi' });
    const group = String(opened.message_group_uuid);
    await call(ada, '/api/messages', { handle: 'cy', message: 'hey' });
    await call(ada, '/api/messages', { message_group_uuid: group, message: 'warming up' });
    await conversations.drain();

    calls.reset();
    await call(ada, '/api/messages', { message_group_uuid: group, message: 'a reply' });
    expect(calls.sequentialRoundTrips()).toBeLessThanOrEqual(4);
    await conversations.drain(); // the background sweep counts too
    expect(calls.total()).toBeLessThanOrEqual(6);

    await call(bo, '/api/messages', { message_group_uuid: group, message: 'unread by ada' });
    await conversations.drain();
    clock.aheadMs = SETTLE_WINDOW_MS + 1_000;
    await call(ada, '/api/message_groups'); // counts the settled entry once
    calls.reset();
    const inbox = await call(ada, '/api/message_groups');
    expect(inbox.map((e) => [e.handle, e.unread_count])).toEqual([
      ['bo', 1],
      ['cy', 0],
    ]);
    expect(calls.byCommand()).toEqual({ QueryCommand: 2 });
    expect(calls.sequentialRoundTrips()).toBe(1);

    calls.reset();
    expect(await call(ada, `/api/message_groups/${group}/read`, {})).toMatchObject({ unread_count: 0 });
    expect(calls.total()).toBeLessThanOrEqual(3);
    calls.reset();
    expect((await call(ada, '/api/message_groups'))[0]).toMatchObject({ unread_count: 0 });
    expect(calls.total()).toBe(2);
    clock.aheadMs = 0;
  });
});
