import type { ListMessageGroups, MarkRead } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type AuthHooks, callerOf } from '../auth.js';
import { errorResponses, PageQuery } from '../schemas/common.js';
import { MarkReadBody, MarkReadParams, MessageGroupList, ReadStateJson } from '../schemas/message-groups.js';
import { announceNextPage } from './pagination.js';
import { messageGroupJson, readStateJson } from './presenters.js';

export interface MessageGroupRoutesOptions {
  readonly listMessageGroups: ListMessageGroups;
  readonly markRead: MarkRead;
  readonly auth: AuthHooks;
}

export const messageGroupRoutes: FastifyPluginAsyncTypebox<MessageGroupRoutesOptions> = async (
  app,
  { listMessageGroups, markRead, auth },
) => {
  app.get(
    '/message_groups',
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

  app.post(
    '/message_groups/:message_group_uuid/read',
    {
      onRequest: auth.required,
      // The body is optional: no body means "up to the latest message".
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'markMessageGroupRead',
        tags: ['messages'],
        summary: "Moves the caller's read marker forward (members only); repeating it changes nothing",
        security: [{ bearerAuth: [] }],
        params: MarkReadParams,
        body: MarkReadBody,
        response: { 200: ReadStateJson, ...errorResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request) => {
      const state = await markRead.execute({
        callerSub: callerOf(request).sub,
        groupUuid: request.params.message_group_uuid,
        upTo: request.body?.up_to,
      });
      return readStateJson(state);
    },
  );
};
