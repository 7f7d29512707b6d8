import Fastify from 'fastify';
import { serveFromChild } from '../support/server-process.js';
import type { BareResponses, BareServerInfo } from './contract.js';

/**
 * The baseline: plain Fastify, the same paths (so routing costs the same), each route
 * answering the JSON the real app answered, with no auth, no schemas, no use case.
 */
serveFromChild<BareResponses, BareServerInfo>(async (responses) => {
  const app = Fastify({ logger: false });
  app.get('/api/message_groups', async () => responses.messageGroups);
  app.get('/api/messages/:message_group_uuid', async () => responses.messages);
  app.post('/api/messages', async () => responses.created);
  // The real route adds `uuid` for a caller with a token; a header check is all that costs here.
  app.get('/api/users/@:handle/short', async (request) =>
    request.headers.authorization === undefined ? responses.userShortAnonymous : responses.userShort,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The bare server is not listening on TCP');
  return { port: address.port };
});
