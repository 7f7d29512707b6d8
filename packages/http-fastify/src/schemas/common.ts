import { MAX_PAGE_LIMIT } from '@cruddur/core';
import { type TSchema, Type } from 'typebox';

/** Group and message ids are UUIDs; anything else cannot name a stored row, so it is a 400. */
export const Uuid = Type.String({ format: 'uuid', maxLength: 36, description: 'A UUID.' });

/**
 * Handles as Cruddur issues them: letters, digits, `_`, `.` and `-`. The pattern keeps `/`,
 * spaces and control characters out of lookups; a well-formed handle nobody owns is the
 * domain's business (404 or 422), not the schema's.
 */
export const Handle = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_.-]+$',
  description: 'A user handle, without the leading @.',
  examples: ['andrewbrown'],
});

/** Adapter cursors are short; the cap only stops a client from making us parse megabytes. */
export const MAX_CURSOR_LENGTH = 1024;

export const PageQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      description: `Page size, 1–${MAX_PAGE_LIMIT}; 20 when absent.`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      maxLength: MAX_CURSOR_LENGTH,
      description:
        "Opaque cursor from the previous page's `X-Next-Cursor` or `Link` header; empty means the first page.",
    }),
  ),
});

/** Times are fixed-width UTC ISO-8601 with microseconds: `2026-11-24T05:00:00.123456+00:00`. */
export const Timestamp = Type.String({ description: 'UTC, ISO-8601 with microseconds.' });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'The HTTP reason phrase.' }),
    code: Type.String({ description: 'Stable, machine-readable error code.' }),
    message: Type.String({ description: 'For people; may change. Generic for 5xx.' }),
    errors: Type.Optional(
      Type.Array(Type.String(), { description: 'Every failing validation code (422 only).' }),
    ),
  },
  { title: 'Error' },
);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: schema violation, bad JSON or UTF-8, bad cursor or limit, repeated `Authorization`.',
  401: 'Missing or invalid bearer token (see `WWW-Authenticate`).',
  403: 'The token is valid but its subject has no Cruddur profile yet.',
  404: 'No such resource (a group you are not in is also 404).',
  409: 'Conflict.',
  413: 'Body larger than the limit.',
  415: 'Unsupported content type; send `application/json`.',
  422: 'Domain validation failed; `errors` lists every failing code.',
  429: 'Too many requests (sends per caller, failed authentications per IP); retry after `Retry-After` seconds.',
  503: 'A dependency is down or the host is overloaded; retry after `Retry-After` seconds.',
};

/** Error response schemas for the route's documented statuses, so OpenAPI lists them. */
export const errorResponses = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries(
    statuses.map((status) => [status, { ...ErrorBody, description: ERROR_DESCRIPTIONS[status] ?? 'Error.' }]),
  );
