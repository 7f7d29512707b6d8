import { DEFAULT_PAGE_LIMIT } from '@cruddur/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Lists stay plain arrays for the original frontend, so the next page travels in headers:
 * `Link: <path?limit=N&cursor=C>; rel="next"` (RFC 8288) and `X-Next-Cursor: C`. Both are
 * absent on the last page. The link keeps the caller's limit so following it needs nothing else.
 */
export function announceNextPage(
  request: FastifyRequest,
  reply: FastifyReply,
  limit: number | undefined,
  nextCursor: string | null,
): void {
  if (nextCursor === null) return;
  const path = request.url.split('?', 1)[0] ?? '';
  const query = new URLSearchParams({ limit: String(limit ?? DEFAULT_PAGE_LIMIT), cursor: nextCursor });
  reply.header('link', `<${path}?${query.toString()}>; rel="next"`);
  // The raw cursor is only a header value if it is visible ASCII; otherwise clients use the Link.
  if (/^[\x21-\x7e]+$/.test(nextCursor)) reply.header('x-next-cursor', nextCursor);
}
