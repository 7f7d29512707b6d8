import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { type UserDirectory, UserNotFoundError } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { errorResponses } from '../schemas/common.js';
import { DevTokenBody, DevTokenJson, DevUserList, JwksJson } from '../schemas/dev.js';

/** Embedded and memory mode only: the local issuer's keys, tokens for demo users, and who they are. */
export interface DevRoutesOptions {
  readonly issuer: LocalTokenIssuer;
  readonly users: UserDirectory;
  /** Per-IP limit on minting tokens (buildApp passes it). */
  readonly tokenLimit?: onRequestAsyncHookHandler;
}

export const devRoutes: FastifyPluginAsyncTypebox<DevRoutesOptions> = async (app, { issuer, users, tokenLimit }) => {
  const tags = ['dev (embedded mode only)'];

  app.get(
    '/.well-known/jwks.json',
    { schema: { tags, summary: "The local issuer's public keys", response: { 200: JwksJson } } },
    async () => issuer.jwks(),
  );

  app.post(
    '/dev/token',
    {
      ...(tokenLimit ? { onRequest: tokenLimit } : {}),
      schema: {
        tags,
        summary: 'An access token for a demo user, signed by the local issuer',
        body: DevTokenBody,
        response: { 200: DevTokenJson, ...errorResponses(400, 404, 413, 415, 429) },
      },
    },
    async (request) => {
      const user = await users.findByHandle(request.body.handle);
      // A user without a Cognito sub could never sign in, so it gets no token either.
      if (user?.cognitoUserId == null) throw new UserNotFoundError(request.body.handle);
      const { accessToken, expiresIn } = issuer.issueAccessToken({
        sub: user.cognitoUserId,
        username: user.handle,
      });
      return { access_token: accessToken, token_type: 'Bearer' as const, expires_in: expiresIn };
    },
  );

  app.get(
    '/dev/users',
    { schema: { tags, summary: 'Every user, to pick one for /dev/token', response: { 200: DevUserList } } },
    async () =>
      (await users.listAll()).map(({ handle, displayName }) => ({ handle, display_name: displayName })),
  );
};
