import type { ListMessageGroups } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type AuthHooks, callerOf } from '../auth.js';
import { errorResponses, PageQuery } from '../schemas/common.js';
import { MessageGroupList } from '../schemas/message-groups.js';
import { announceNextPage } from './pagination.js';
import { messageGroupJson } from './presenters.js';

export interface MessageGroupRoutesOptions {
  readonly listMessageGroups: ListMessageGroups;
  readonly auth: AuthHooks;
}

export const messageGroupRoutes: FastifyPluginAsyncTypebox<MessageGroupRoutesOptions> = async (
  app,
  { listMessageGroups, auth },
) => {
  app.get(
    '/api/message_groups',
    {
      onRequest: auth.required,
      schema: {
        operationId: 'listMessageGroups',
        tags: ['messages'],
        summary: "The caller's inbox: one entry per conversation, latest activity first",
        security: [{ bearerAuth: [] }],
        querystring: PageQuery,
        response: { 200: MessageGroupList, ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const page = await listMessageGroups.execute({ callerSub: callerOf(request).sub, limit, cursor });
      announceNextPage(request, reply, limit, page.nextCursor);
      return page.items.map(messageGroupJson);
    },
  );
};
