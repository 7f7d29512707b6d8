import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { User } from '@cruddur/core';
import { composeHost, TOKENS, withTokenCache } from '@cruddur/http-fastify/host';
import { serveFromChild } from '../support/server-process.js';
import type { AppServerInfo } from './contract.js';

/** Conversations in the caller's inbox: more than a page, so list pages are full (20). */
const PEERS = 25;
/** Messages in the main conversation: more than a page too. */
const MESSAGES = 30;

/**
 * The real app on the memory adapters, wired by the host's composition root (`composeHost`
 * for the memory backend), with real RS256 tokens checked by aws-jwt-verify
 * behind the host's cache of verified tokens (`withTokenCache`, as `openTokens` wires it).
 * Seeded through the use cases, so the data is exactly what the API itself would store.
 */
serveFromChild<null, AppServerInfo>(async () => {
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-issuer' });
  const { app, services } = await composeHost(
    { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } },
    { tokens: { verifier: withTokenCache(issuer.verifier()), devIssuer: null } },
  );
  const users = services.get(TOKENS.UserDirectory);
  const createMessage = services.get(TOKENS.CreateMessage);
  const aUser = (handle: string) =>
    users.create({
      handle,
      displayName: `Bench ${handle}`,
      email: `${handle}@bench.test`,
      cognitoUserId: `sub-${handle}`,
    });
  const caller = await aUser('caller');
  const peers: User[] = [];
  for (let i = 0; i < PEERS; i++) peers.push(await aUser(`peer${String(i).padStart(2, '0')}`));
  const [peer] = peers;
  if (peer === undefined) throw new Error('No peer was seeded');
  const first = await createMessage.execute({
    mode: 'create',
    callerSub: 'sub-caller',
    handle: peer.handle,
    message: 'Hello!',
  });
  for (let i = 1; i < MESSAGES; i++) {
    const callerSub = i % 2 === 0 ? 'sub-caller' : `sub-${peer.handle}`;
    const message = `Message ${i}: are we still on for the ridge walk on Saturday morning?`;
    await createMessage.execute({ mode: 'update', callerSub, groupUuid: first.groupUuid, message });
  }
  // 24 more conversations: the inbox's first page is full (20 of 25), like a busy user's.
  for (const other of peers.slice(1)) {
    await createMessage.execute({
      mode: 'create',
      callerSub: 'sub-caller',
      handle: other.handle,
      message: 'Hi there',
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The app is not listening on TCP');
  return {
    port: address.port,
    token: issuer.issueAccessToken({ sub: caller.cognitoUserId ?? '', username: caller.handle }).accessToken,
    groupUuid: first.groupUuid,
    peerHandle: peer.handle,
  };
});
