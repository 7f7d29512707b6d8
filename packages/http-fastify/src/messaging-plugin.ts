import type {
  CreateMessage,
  FollowMessages,
  ListMessageGroups,
  ListMessages,
  MarkRead,
  TokenVerifier,
  UsersShort,
} from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { authHooks } from './auth.js';
import type { AuthFailureLimit } from './edge/rate-limits.js';
import { type EventStreamOptions, eventRoutes } from './routes/events.js';
import { messageGroupRoutes } from './routes/message-groups.js';
import { messageRoutes } from './routes/messages.js';
import { userRoutes } from './routes/users.js';

export interface MessagingPluginOptions {
  readonly listMessageGroups: ListMessageGroups;
  readonly markRead: MarkRead;
  readonly listMessages: ListMessages;
  readonly createMessage: CreateMessage;
  readonly usersShort: UsersShort;
  readonly tokenVerifier: TokenVerifier;
  /** Rate limits (buildApp passes them); without them nothing is limited. */
  readonly limits?: { readonly sends: onRequestAsyncHookHandler; readonly authFailures: AuthFailureLimit };
  readonly followMessages: FollowMessages;
  /** Limits and timings of `GET /api/events`; the defaults suit production. */
  readonly eventStream?: Partial<EventStreamOptions> | undefined;
}

/**
 * The `/api` routes of the HTTP contract (design §5), with their auth hooks. Errors are
 * thrown, not answered here: the host installs `errorHandler` once (buildApp does), so a
 * host embedding this plugin elsewhere must install it too to keep the error contract.
 */
export const messagingPlugin: FastifyPluginAsyncTypebox<MessagingPluginOptions> = async (app, deps) => {
  app.decorateRequest('identity', null);
  const auth = authHooks(deps.tokenVerifier, deps.limits?.authFailures);
  await app.register(messageGroupRoutes, { listMessageGroups: deps.listMessageGroups, markRead: deps.markRead, auth });
  await app.register(messageRoutes, {
    listMessages: deps.listMessages,
    createMessage: deps.createMessage,
    auth,
    ...(deps.limits ? { sendLimit: deps.limits.sends } : {}),
  });
  await app.register(userRoutes, { usersShort: deps.usersShort, auth });
  await app.register(eventRoutes, { followMessages: deps.followMessages, auth, stream: deps.eventStream });
};
