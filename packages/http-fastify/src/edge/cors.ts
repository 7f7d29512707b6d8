import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { EdgeSettings } from './edge-settings.js';

/** What a page on another origin may send: the original frontend's two, plus retries and live events. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'];
/** What such a page may read besides the simple headers: paging, back-off, auth challenges, ids. */
const EXPOSED_HEADERS = ['Link', 'X-Next-Cursor', 'Retry-After', 'WWW-Authenticate', 'X-Request-Id'];
/** Browsers cap this anyway (Chromium at 2 h); it spares one preflight per request. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * CORS for every route. Tokens travel in `Authorization`, never in cookies, so there is no
 * credentials mode. The origin is decided per request (hence always `Vary: Origin`): an allowed
 * origin gets the headers, a disallowed one gets none and its preflight falls through to the
 * same 404 as any unknown route, so the browser blocks the call and nothing fails on our side.
 */
export async function registerCors(
  app: FastifyInstance,
  origins: EdgeSettings['corsOrigins'],
): Promise<void> {
  const allowed = origins === '*' ? null : new Set(origins);
  await app.register(cors, {
    origin: (origin, callback) => {
      if (allowed === null) callback(null, '*');
      else callback(null, origin !== undefined && allowed.has(origin) ? origin : false);
    },
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
    // A bare OPTIONS (no Access-Control-Request-Method) is answered like a preflight rather
    // than with the plugin's plain-text 400, which would break the error shape.
    strictPreflight: false,
  });
}
