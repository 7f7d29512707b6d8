import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Visible, log-safe characters only, so a caller cannot forge log lines or smuggle headers. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: a well-formed incoming `X-Request-Id` (from a proxy or the client, to follow one
 * request across systems), otherwise a fresh UUID. Fastify puts it on every log line of the request;
 * `onRequest` echoes it back in the response.
 */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}
