import type { UsersShort } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuthHooks } from '../auth.js';
import { errorResponses } from '../schemas/common.js';
import { UserShortJson, UserShortParams } from '../schemas/users.js';
import { userShortJson } from './presenters.js';

export interface UserRoutesOptions {
  readonly usersShort: UsersShort;
  readonly auth: AuthHooks;
}

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (app, { usersShort, auth }) => {
  app.get(
    '/users/@:handle/short',
    {
      // The original frontend calls this anonymously; only a verified caller also sees the uuid.
      onRequest: auth.optional,
      schema: {
        operationId: 'usersShort',
        tags: ['users'],
        summary: "A user's public card by handle; `uuid` only with a valid token",
        security: [{}, { bearerAuth: [] }],
        params: UserShortParams,
        response: { 200: UserShortJson, ...errorResponses(400, 401, 404, 429, 503) },
      },
    },
    async (request) => {
      const user = await usersShort.execute({ handle: request.params.handle });
      return userShortJson(user, request.cruddurIdentity !== null);
    },
  );
};
