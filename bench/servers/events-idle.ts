import { createServer } from 'node:http';
import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { composeHost, TOKENS, withTokenCache } from '@cruddur/http-fastify/host';
import { serveFromChild } from '../support/server-process.js';
import type { IdleHostInfo } from './contract.js';

/**
 * One host on the memory backend with `users` users, for idle streams: what a stream costs
 * is its socket, its subscription and its timers, the same on every backend. A second tiny
 * server reports this process's memory, after a forced GC when `--expose-gc` is on.
 */
serveFromChild<{ users: number }, IdleHostInfo>(async ({ users: count }) => {
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-idle' });
  const { app, services } = await composeHost(
    { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } },
    { tokens: { verifier: withTokenCache(issuer.verifier()), devIssuer: null } },
  );
  const users = services.get(TOKENS.UserDirectory);
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const handle = `idle${i}`;
    await users.create({ handle, displayName: handle, email: `${handle}@bench.test`, cognitoUserId: `sub-${handle}` });
    tokens.push(issuer.issueAccessToken({ sub: `sub-${handle}`, username: handle }).accessToken);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const memory = createServer((_request, response) => {
    (globalThis as { gc?: () => void }).gc?.();
    response.end(JSON.stringify({ rss: process.memoryUsage().rss }));
  });
  await new Promise<void>((resolve) => memory.listen(0, '127.0.0.1', resolve));
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  return { port: port(app.server), memoryPort: port(memory), tokens };
});
