import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions } from 'fastify';

/**
 * Node's own limits, which cover what Fastify never sees: `headersTimeout` for the header block
 * and `requestTimeout` for the whole request, body included (a client dripping one byte every few
 * seconds would otherwise hold a socket forever). Node checks them every
 * `connectionsCheckingInterval` (30 s by default, far too coarse for a 10 s limit).
 */
export function timeLimitOptions(requestTimeoutMs: number) {
  return {
    requestTimeout: requestTimeoutMs,
    http: {
      headersTimeout: requestTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(requestTimeoutMs / 4))),
    },
    clientErrorHandler,
  } satisfies Partial<FastifyHttpOptions<Server>>;
}

/**
 * Errors Node raises before a request reaches Fastify (timeouts, unparsable HTTP): answered in
 * the API's error shape, then the connection is closed, since what follows on it cannot be trusted.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request did not arrive in time; send it whole, faster.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], code, message });
  // A response already under way (e.g. a 429 answered before the body came) must not get a second.
  const answered =
    (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !answered) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
