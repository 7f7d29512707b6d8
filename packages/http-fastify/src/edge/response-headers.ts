import type { FastifyInstance } from 'fastify';

/**
 * Headers on every response, set before anything can fail so error replies carry them too:
 * the request id, `nosniff` (a JSON body is never rendered as HTML), and `no-store` (responses
 * hold private messages and tokens; no shared cache may keep them). The docs UI's static files
 * are the exception to `no-store`: they are public and the plugin sets their caching.
 */
export function addResponseHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    if (!request.url.startsWith('/docs/static/')) reply.header('cache-control', 'no-store');
    done();
  });
}
