import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Where `examples/web` builds its bundle, seen from `src/` or `dist/` of this package in the repo. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../examples/web/dist', import.meta.url));

/** The browser client's own routes: each answers with `index.html` and the client draws the page. */
const CLIENT_ROUTES = ['/', '/sign-in', '/messages/*'] as const;

/**
 * Serves the built browser client when it exists (a packed host without it serves the API only).
 * Files are listed once at start (`wildcard: false`), so there is no catch-all route: an unknown
 * `/api/...` path still gets the API's JSON 404.
 */
export const webBundle: FastifyPluginAsync<{ readonly root: string }> = async (app, { root }) => {
  if (!existsSync(join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      // Vite puts a content hash in every asset name; index.html must be fetched fresh.
      const immutable = path.startsWith(join(root, 'assets'));
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  for (const url of CLIENT_ROUTES) {
    app.get(url, { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  }
};
