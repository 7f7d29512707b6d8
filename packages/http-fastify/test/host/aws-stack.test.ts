import { randomUUID } from 'node:crypto';
import { dynamoDbLocalRunnable, startDynamoDbLocal, startEmbeddedPostgres } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { composeHost } from '../../src/host.js';
import { prepareAwsStack } from './support/aws-stack-setup.js';
import { type JwksHttpIssuer, startJwksHttpIssuer } from './support/jwks-http-issuer.js';

// The README's offline aws stack, end to end: DynamoDB Local (Java), a real PostgreSQL, and an
// issuer that is not Cognito serving its JWKS over http; the host built from env-like config
// exactly as start.ts builds it, and driven over real HTTP.
describe.runIf(dynamoDbLocalRunnable())('the host in aws mode on the offline stack', () => {
  let base: string;
  let idp: JwksHttpIssuer;
  const stops: Array<() => Promise<unknown>> = [];
  const subs = { mira: randomUUID(), kofi: randomUUID(), ines: randomUUID() };

  beforeAll(async () => {
    // Java on a loaded 2-core machine can take far longer than its usual 3-4 s to listen.
    const [dynamo, postgres] = await Promise.all([
      startDynamoDbLocal({ timeoutMs: 120_000 }),
      startEmbeddedPostgres(),
    ]);
    stops.push(dynamo.stop, postgres.dispose);
    const connectionUrl = await postgres.createDatabase('cruddur');
    idp = await startJwksHttpIssuer();
    stops.push(idp.close);

    // The host itself never creates tables against real services: the operator's steps come first.
    const env = await prepareAwsStack({
      setupDynamoEndpoint: dynamo.endpoint,
      hostDynamoEndpoint: dynamo.endpoint,
      connectionUrl,
      idp,
      subs,
    });
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const host = await composeHost(loaded.config);
    stops.unshift(() => host.close());
    base = await host.app.listen({ port: loaded.config.port, host: loaded.config.host });
  }, 240_000);

  afterAll(async () => {
    for (const stop of stops) await stop().catch(() => undefined);
  });

  const tokenOf = (handle: keyof typeof subs) =>
    idp.issuer.issueAccessToken({ sub: subs[handle], username: handle }).accessToken;
  const call = async (handle: keyof typeof subs, path: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${tokenOf(handle)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('walks a conversation: create by handle, reply, inbox, messages, outsider refused', async () => {
    const opened = await call('mira', '/api/messages', { handle: 'kofi', message: 'Offline, for real?' });
    expect(opened).toMatchObject({ status: 200, body: { handle: 'mira', message: 'Offline, for real?' } });
    const group = (opened.body as { message_group_uuid: string }).message_group_uuid;

    const reply = await call('kofi', '/api/messages', {
      message_group_uuid: group,
      message: 'Every engine local.',
    });
    expect(reply).toMatchObject({ status: 200, body: { message_group_uuid: group, handle: 'kofi' } });

    const inbox = await call('mira', '/api/message_groups');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toEqual([
      expect.objectContaining({ uuid: group, handle: 'kofi', message: 'Every engine local.' }),
    ]);

    const messages = await call('kofi', `/api/messages/${group}`);
    expect(messages.status).toBe(200);
    expect((messages.body as Array<{ message: string }>).map((m) => m.message)).toEqual([
      'Offline, for real?',
      'Every engine local.',
    ]);

    const outsider = await call('ines', `/api/messages/${group}`);
    const unknown = await call('ines', `/api/messages/${randomUUID()}`);
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(unknown.body);
    expect(await call('ines', '/api/message_groups')).toEqual({ status: 200, body: [] });
    // Every token above was checked against one download of the issuer's key set.
    expect(idp.fetches()).toBe(1);
    // A cold JVM under a loaded machine: the first sends alone have taken several seconds.
  }, 90_000);

  it('refuses tokens this issuer did not sign, dated in the future, or living over 24 h, with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = (overrides: Record<string, unknown>) => ({
      ...idp.issuer.accessClaims({ sub: subs.mira, username: 'mira' }),
      ...overrides,
    });
    const other = await startJwksHttpIssuer();
    stops.push(other.close);
    const tokens = [
      idp.issuer.sign(idp.issuer.signingHeader(), claims({ iat: now + 600, exp: now + 4200 })),
      idp.issuer.sign(idp.issuer.signingHeader(), claims({ iat: now, exp: now + 10 * 365 * 86_400 })),
      idp.issuer.sign(idp.issuer.signingHeader(), claims({ client_id: 'another-app' })),
      other.issuer.sign(other.issuer.signingHeader(), claims({})),
    ];
    for (const token of tokens) {
      const response = await fetch(`${base}/api/message_groups`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('has no dev issuer', async () => {
    const response = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'mira' }),
    });
    expect(response.status).toBe(404);
  });
});
