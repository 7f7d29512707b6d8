import { InMemoryConversations, InMemoryMessageEvents, InMemoryReadMarkers, InMemoryUserDirectory } from '@cruddur/adapters-memory';
import { CreateMessage, ListMessageGroups, ListMessages, MarkRead, RandomIdGenerator, SystemClock, UsersShort } from '@cruddur/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { messagingPlugin } from '../../src/index.js';
import { testIssuer } from './support/test-app.js';

/** An app of its own: Fastify's defaults (Ajv coercion), its own `identity` decorator, error handler and 404. */
async function hostApp(prefix?: string): Promise<{ app: FastifyInstance; bearer: Record<string, string> }> {
  const issuer = await testIssuer();
  const users = new InMemoryUserDirectory();
  const conversations = new InMemoryConversations();
  const readMarkers = new InMemoryReadMarkers(conversations);
  const deps = { users, conversations, readMarkers, events: new InMemoryMessageEvents(), clock: new SystemClock(), ids: new RandomIdGenerator() };
  for (const handle of ['ada', 'linus']) {
    await users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });
  }
  const app = Fastify();
  app.decorateRequest('identity', null);
  app.setErrorHandler((_error, _request, reply) => reply.code(599).send({ mine: true }));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ mine: 'not found' }));
  app.post('/echo', async (request) => ({ body: request.body }));
  await app.register(messagingPlugin, {
    listMessageGroups: new ListMessageGroups(deps),
    listMessages: new ListMessages(deps),
    createMessage: new CreateMessage(deps),
    usersShort: new UsersShort(deps),
    markRead: new MarkRead(deps),
    tokenVerifier: issuer.verifier(),
    ...(prefix === undefined ? {} : { prefix }),
  });
  const token = issuer.issueAccessToken({ sub: 'sub-ada', username: 'ada' }).accessToken;
  return { app, bearer: { authorization: `Bearer ${token}` } };
}

describe('messagingPlugin in an app of its own', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('answers with its own contract under /api, whatever the app set for itself', async () => {
    const built = await hostApp();
    app = built.app;
    const send = (payload: string | Buffer, type = 'application/json') =>
      built.app.inject({ method: 'POST', url: '/api/messages', headers: { ...built.bearer, 'content-type': type }, payload });
    const answer = async (response: Promise<{ statusCode: number; json(): { code?: string } }>) => {
      const { statusCode, json } = await response;
      return [statusCode, json().code];
    };
    expect(await answer(built.app.inject({ method: 'GET', url: '/api/message_groups' }))).toEqual([401, 'unauthenticated']);
    expect(await answer(send(JSON.stringify({ message: ' ', handle: 'linus' })))).toEqual([422, 'message_blank']);
    // Fastify's default Ajv would have coerced 5 to "5" and stored it.
    expect(await answer(send(JSON.stringify({ message: 5, handle: 'linus' })))).toEqual([400, 'invalid_request']);
    expect(await answer(send('hello', 'text/plain'))).toEqual([415, 'unsupported_media_type']);
    expect(await answer(send(Buffer.from('{"message": "ab\xc3\x28", "handle": "linus"}', 'latin1')))).toEqual([400, 'invalid_json']);
    expect(await answer(send(JSON.stringify({ message: 'x'.repeat(17 * 1024), handle: 'linus' })))).toEqual([413, 'body_too_large']);
    expect(await answer(built.app.inject({ method: 'GET', url: '/api/nothing-here' }))).toEqual([404, 'route_not_found']);
    const sent = await send(JSON.stringify({ message: 'hi', handle: 'linus' }));
    expect(sent.statusCode).toBe(200);
  });

  it("leaves the app's own routes, errors and 404 alone", async () => {
    const built = await hostApp();
    app = built.app;
    const missing = await built.app.inject({ method: 'GET', url: '/elsewhere' });
    expect([missing.statusCode, missing.json()]).toEqual([404, { mine: 'not found' }]);
    const echoed = await built.app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'text/plain' }, payload: 'plain' });
    expect(echoed.json()).toEqual({ body: 'plain' });
  });

  it('serves the routes under its prefix: /chat/api/...', async () => {
    const built = await hostApp('/chat');
    app = built.app;
    const listed = await built.app.inject({ method: 'GET', url: '/chat/api/message_groups', headers: built.bearer });
    expect(listed.statusCode).toBe(200);
    expect((await built.app.inject({ method: 'GET', url: '/api/message_groups', headers: built.bearer })).json()).toEqual({ mine: 'not found' });
    const unknown = await built.app.inject({ method: 'GET', url: '/chat/api/nothing' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'route_not_found']);
  });
});
