import type {
  CreateMessage,
  EventTickets,
  FollowMessages,
  ListMessageGroups,
  ListMessages,
  MarkRead,
  TokenVerifier,
  UsersShort,
} from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { authHooks } from './auth.js';
import type { AuthFailureLimit } from './edge/rate-limits.js';
import { useStrictJsonParser } from './edge/strict-json.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import type { EventStreamOptions } from './routes/events.js';

export interface MessagingPluginOptions {
  readonly listMessageGroups: ListMessageGroups;
  readonly markRead: MarkRead;
  readonly listMessages: ListMessages;
  readonly createMessage: CreateMessage;
  readonly usersShort: UsersShort;
  readonly tokenVerifier: TokenVerifier;
  /** Rate limits (buildApp passes them); without them nothing is limited. */
  readonly limits?: { readonly sends: onRequestAsyncHookHandler; readonly authFailures: AuthFailureLimit };
  /** Live conversations, `GET /api/events` and its ticket route; without it they are not served. */
  readonly followMessages?: FollowMessages | undefined;
  /** The tickets of `GET /api/events?ticket=`; needed with `followMessages`. Shared by every host, or a ticket opens a stream only where it was issued. */
  readonly eventTickets?: EventTickets | undefined;
  /** Limits and timings of `GET /api/events`; the defaults suit production. */
  readonly eventStream?: Partial<EventStreamOptions> | undefined;
}

/** A message is at most 1024 code points (≤ 4 KiB of UTF-8, ≤ 12 KiB \u-escaped): 16 KiB is ample. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/**
 * The request contract of the `/api` routes, set on their own encapsulated scope so that an app
 * of any configuration gets the same answers: its error handler and validator do not apply here,
 * and nothing set here leaks out to the app's other routes.
 */
function ownTheContract(
  api: FastifyInstance,
  { validatorCompiler }: Pick<RouteModules, 'validatorCompiler'>,
): void {
  api.setErrorHandler(errorHandler);
  // TypeBox, not Fastify's default Ajv: `{"message": 5}` is a 400, never coerced to "5".
  api.setValidatorCompiler(validatorCompiler);
  // Only under the prefix: the app's other unknown paths keep the app's own 404.
  api.setNotFoundHandler(notFoundHandler);
  // JSON only: a text/plain body is a 415, not a string that fails the schema.
  api.removeContentTypeParser('text/plain');
  useStrictJsonParser(api);
  api.addHook('onRoute', (route) => {
    route.bodyLimit ??= BODY_LIMIT_BYTES;
  });
}

/**
 * The routes, their TypeBox schemas and the validator, loaded when the plugin is registered, not
 * when its entry is imported: TypeBox is hundreds of small modules (issue 9: importing the entry
 * costs at most 150 ms over Fastify). Registering pays it once; `bench/plugin-import.ts` times both.
 */
async function loadRouteModules() {
  const [groups, messages, users, events, validator] = await Promise.all([
    import('./routes/message-groups.js'),
    import('./routes/messages.js'),
    import('./routes/users.js'),
    import('./routes/events.js'),
    import('./schemas/validator-compiler.js'),
  ]);
  return {
    messageGroupRoutes: groups.messageGroupRoutes,
    messageRoutes: messages.messageRoutes,
    userRoutes: users.userRoutes,
    eventRoutes: events.eventRoutes,
    validatorCompiler: validator.validatorCompiler,
  };
}
type RouteModules = Awaited<ReturnType<typeof loadRouteModules>>;

const apiRoutes: FastifyPluginAsyncTypebox<MessagingPluginOptions> = async (api, deps) => {
  const { messageGroupRoutes, messageRoutes, userRoutes, eventRoutes, ...contract } =
    await loadRouteModules();
  ownTheContract(api, contract);
  // Namespaced: an app with a decorator of its own (`identity`, `user`) can still register this.
  api.decorateRequest('cruddurIdentity', null);
  const auth = authHooks(deps.tokenVerifier, deps.limits?.authFailures);
  await api.register(messageGroupRoutes, {
    listMessageGroups: deps.listMessageGroups,
    markRead: deps.markRead,
    auth,
  });
  await api.register(messageRoutes, {
    listMessages: deps.listMessages,
    createMessage: deps.createMessage,
    auth,
    ...(deps.limits ? { sendLimit: deps.limits.sends } : {}),
  });
  await api.register(userRoutes, { usersShort: deps.usersShort, auth });
  if (deps.followMessages) {
    if (!deps.eventTickets) throw new TypeError('messagingPlugin: followMessages needs eventTickets (an EventTickets adapter).');
    const { followMessages, eventTickets, eventStream: stream } = deps;
    await api.register(eventRoutes, { followMessages, eventTickets, auth, stream });
  }
};

/**
 * The `/api` routes of the HTTP contract (design §5) with everything their answers depend on:
 * one `app.register(messagingPlugin, deps)` line gives the statuses of the README. The routes
 * live at `<prefix>/api/...`: registered without a prefix, at `/api/...` as the original
 * frontend expects; with `{ prefix: '/chat' }`, at `/chat/api/...`.
 */
export const messagingPlugin: FastifyPluginAsyncTypebox<MessagingPluginOptions> = async (app, deps) => {
  await app.register(apiRoutes, { ...deps, prefix: '/api' });
};
