import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { startDynalite, startEmbeddedPostgres, startTcpProxy, type TcpProxy } from '@cruddur/engines';
import { createPgPool, migrate } from '@cruddur/adapters-aws/postgres';
import type { User, UserDirectory } from '@cruddur/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../src/container.js';
import { composeAwsHost } from './support/aws-storage.js';

// The production wiring (composeHost, awsModule) on real engines, each behind a proxy the test can cut.
let app: FastifyInstance;
let issuer: LocalTokenIssuer;
let users: UserDirectory;
let dynamoProxy: TcpProxy;
let postgresProxy: TcpProxy;
const stops: Array<() => Promise<unknown> | undefined> = [];

beforeAll(async () => {
  const dynalite = await startDynalite();
  const postgres = await startEmbeddedPostgres();
  // The pool reaches the database through the proxy, not on the server's own port.
  const database = new URL(await postgres.createDatabase('cruddur'));
  dynamoProxy = await startTcpProxy(dynalite.port);
  postgresProxy = await startTcpProxy(postgres.port);
  const documentClient = createDynamoDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${dynamoProxy.port}` });
  database.port = String(postgresProxy.port);
  const pool = createPgPool(database.href);
  await ensureMessagesTable(documentClient, 'messages');
  await migrate(pool);
  issuer = await LocalTokenIssuer.create({ issuer: 'http://localhost/test-issuer' });
  const host = await composeAwsHost({ client: documentClient, tableName: 'messages' }, pool, issuer, async () => {
    documentClient.destroy();
    await pool.end();
  });
  users = host.services.get(TOKENS.UserDirectory);
  app = host.app;
  stops.push(() => app.close(), () => dynamoProxy.close(), () => postgresProxy.close(), dynalite.stop, postgres.dispose);
}, 120_000);
afterAll(async () => {
  for (const stop of stops) await stop();
});

const newUser = (handle: string): Promise<User> =>
  users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });

const inboxOf = async (user: User) => {
  const { accessToken } = issuer.issueAccessToken({ sub: user.cognitoUserId ?? '', username: user.handle });
  const started = Date.now();
  const response = await app.inject({ method: 'GET', url: '/api/message_groups', headers: { authorization: `Bearer ${accessToken}` } });
  return { response, elapsedMs: Date.now() - started };
};

const readiness = async () => (await app.inject({ method: 'GET', url: '/readyz' })).json<{ checks: Record<string, string> }>().checks;

describe('when DynamoDB goes away', () => {
  it('answers 503 with Retry-After within seconds, says so on /readyz, and recovers by itself', async () => {
    const ada = await newUser('ada');
    expect((await inboxOf(ada)).response.statusCode).toBe(200);

    dynamoProxy.cut();
    const { response, elapsedMs } = await inboxOf(ada);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.json()).toMatchObject({ code: 'dependency_unavailable' });
    expect(elapsedMs).toBeLessThan(8_000);
    expect(await readiness()).toEqual({ dynamodb: 'down', postgres: 'up' });

    dynamoProxy.restore();
    expect((await inboxOf(ada)).response.statusCode).toBe(200);
    expect(await readiness()).toEqual({ dynamodb: 'up', postgres: 'up' });
  });
});

describe('when PostgreSQL goes away', () => {
  it('still serves callers it knows, answers 503 for the others, and recovers by itself', async () => {
    const known = await newUser('bea');
    const unknown = await newUser('cid');
    expect((await inboxOf(known)).response.statusCode).toBe(200);

    postgresProxy.cut();
    expect((await inboxOf(known)).response.statusCode).toBe(200);
    const { response, elapsedMs } = await inboxOf(unknown);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(elapsedMs).toBeLessThan(8_000);
    expect(await readiness()).toEqual({ dynamodb: 'up', postgres: 'down' });

    postgresProxy.restore();
    expect((await inboxOf(unknown)).response.statusCode).toBe(200);
    expect(await readiness()).toEqual({ dynamodb: 'up', postgres: 'up' });
  });
});

describe('when PostgreSQL goes away while event-stream tickets are in use', () => {
  it('answers 503 with Retry-After for issuing and for redeeming a ticket, never 401 or 500, and recovers', async () => {
    const dan = await newUser('dan');
    const authorization = `Bearer ${issuer.issueAccessToken({ sub: 'sub-dan', username: dan.handle }).accessToken}`;
    const issue = () => app.inject({ method: 'POST', url: '/api/events/ticket', headers: { authorization } });
    const issued = await issue();
    expect(issued.statusCode).toBe(200);

    postgresProxy.cut();
    const redeemed = await app.inject({ method: 'GET', url: `/api/events?ticket=${issued.json().ticket}` });
    expect([redeemed.statusCode, redeemed.json().code]).toEqual([503, 'dependency_unavailable']);
    expect(redeemed.headers['retry-after']).toMatch(/^\d+$/);
    const refused = await issue();
    expect([refused.statusCode, refused.headers['retry-after']]).toEqual([503, expect.stringMatching(/^\d+$/)]);

    postgresProxy.restore();
    expect((await issue()).statusCode).toBe(200);
  });
});
