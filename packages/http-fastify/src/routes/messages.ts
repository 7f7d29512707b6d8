import type { CreateMessage, CreateMessageInput, ListMessages } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { type AuthHooks, callerOf } from '../auth.js';
import { HttpRequestError } from '../error-handler.js';
import { errorResponses, PageQuery } from '../schemas/common.js';
import {
  CreatedMessageJson,
  CreateMessageBody,
  CreateMessageHeaders,
  MessageList,
  MessagesParams,
  sendErrorResponses,
} from '../schemas/messages.js';
import { announceNextPage } from './pagination.js';
import { createdMessageJson, messageJson } from './presenters.js';

export interface MessageRoutesOptions {
  readonly listMessages: ListMessages;
  readonly createMessage: CreateMessage;
  readonly auth: AuthHooks;
  /** Per-caller send limit; runs after auth (it counts by the verified sub) and before the body is read. */
  readonly sendLimit?: onRequestAsyncHookHandler;
}

export const messageRoutes: FastifyPluginAsyncTypebox<MessageRoutesOptions> = async (
  app,
  { listMessages, createMessage, auth, sendLimit },
) => {
  app.get(
    '/messages/:message_group_uuid',
    {
      onRequest: auth.required,
      schema: {
        operationId: 'listMessages',
        tags: ['messages'],
        summary: 'One conversation, newest page first; members only',
        security: [{ bearerAuth: [] }],
        params: MessagesParams,
        querystring: PageQuery,
        response: { 200: MessageList, ...errorResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const page = await listMessages.execute({
        callerSub: callerOf(request).sub,
        groupUuid: request.params.message_group_uuid,
        limit,
        cursor,
      });
      announceNextPage(request, reply, limit, page.nextCursor);
      return page.items.map(messageJson);
    },
  );

  app.post(
    '/messages',
    {
      onRequest: sendLimit ? [auth.required, sendLimit] : auth.required,
      schema: {
        operationId: 'createMessage',
        tags: ['messages'],
        summary: 'Send a message: to a handle (create mode) or into a group you are in (update mode)',
        security: [{ bearerAuth: [] }],
        headers: CreateMessageHeaders,
        body: CreateMessageBody,
        response: {
          200: CreatedMessageJson,
          ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429, 503),
          ...sendErrorResponses,
        },
      },
    },
    async (request) => {
      const input = toInput(callerOf(request).sub, request.body);
      const message = await createMessage.execute({ ...input, idempotencyKey: request.headers['idempotency-key'] });
      return createdMessageJson(message);
    },
  );
};

function toInput(callerSub: string, body: CreateMessageBody): CreateMessageInput {
  const { message, handle, message_group_uuid: groupUuid } = body;
  if (handle !== undefined && groupUuid === undefined) return { mode: 'create', callerSub, handle, message };
  if (groupUuid !== undefined && handle === undefined)
    return { mode: 'update', callerSub, groupUuid, message };
  throw new HttpRequestError(
    400,
    'invalid_message_target',
    'Send exactly one of handle (to start or continue a conversation) or message_group_uuid (to reply).',
  );
}
