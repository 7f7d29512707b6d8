// The plugin entry: the `/api` routes and their contract, for any Fastify app. It loads no
// composition root, no AWS SDK, no swagger and no engine: those are `@cruddur/http-fastify/host`.
export { DOMAIN_ERROR_STATUS, errorHandler, HttpRequestError, notFoundHandler } from './error-handler.js';
export { BODY_LIMIT_BYTES, type MessagingPluginOptions, messagingPlugin } from './messaging-plugin.js';
export type { EventStreamOptions } from './routes/events.js';
