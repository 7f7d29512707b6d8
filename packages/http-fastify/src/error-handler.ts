import { STATUS_CODES } from 'node:http';
import {
  DependencyUnavailableError,
  DomainError,
  type DomainErrorCode,
  UnauthenticatedError,
  ValidationError,
} from '@cruddur/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One status per domain code; a new code without a status fails the build here. */
export const DOMAIN_ERROR_STATUS = {
  message_blank: 422,
  message_exceed_max_chars_1024: 422,
  message_invalid_text: 422,
  receiver_not_found: 422,
  cannot_message_self: 422,
  invalid_page_limit: 400,
  invalid_cursor: 400,
  invalid_read_marker: 400,
  message_group_not_found: 404,
  user_not_found: 404,
  caller_not_registered: 403,
  handle_taken: 409,
  cognito_user_id_taken: 409,
  unauthenticated: 401,
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  dependency_unavailable: 503,
} as const satisfies Record<DomainErrorCode, number>;

/**
 * An error the host answers itself: request shapes a JSON schema cannot name well, limits
 * (429), load shedding (503). Its message is written here, never taken from a dependency, so it
 * is shown whatever the status.
 */
export class HttpRequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Sent with the error, e.g. `Retry-After` on a 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly string[];
}

/** Fastify's own client errors, under codes that do not change with the framework. */
const FRAMEWORK_CODES: Readonly<Record<string, string>> = {
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_BAD_URL: 'invalid_url',
};

interface Problem {
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The app's only error handler (also used for Fastify's framework errors). Messages are
 * shown below 500 only; anything unexpected becomes a logged, generic 500.
 */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { body, headers } = describe(error);
  if (body.statusCode >= 500) {
    const level = body.statusCode === 503 ? 'warn' : 'error';
    request.log[level]({ err: error }, `request failed: ${body.code}`);
  }
  reply.code(body.statusCode).headers(headers).send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?', 1)[0] ?? '';
  reply.code(404).send(errorBody(404, 'route_not_found', `No route for ${request.method} ${path}.`));
}

function describe(error: unknown): Problem {
  if (error instanceof DomainError) return describeDomainError(error);
  if (error instanceof HttpRequestError) {
    return { body: errorBody(error.statusCode, error.code, error.message), headers: error.headers };
  }
  if (error instanceof Error && 'validation' in error) {
    return { body: errorBody(400, 'invalid_request', error.message), headers: {} };
  }
  const status = clientStatusOf(error);
  if (error instanceof Error && status !== null) {
    const frameworkCode =
      'code' in error && typeof error.code === 'string' ? FRAMEWORK_CODES[error.code] : undefined;
    return { body: errorBody(status, frameworkCode ?? snakeReason(status), error.message), headers: {} };
  }
  return { body: errorBody(500, 'internal_error', 'Something went wrong on our side.'), headers: {} };
}

function describeDomainError(error: DomainError): Problem {
  const status = DOMAIN_ERROR_STATUS[error.code];
  if (error instanceof ValidationError) {
    return {
      body: { ...errorBody(status, error.code, error.message), errors: [...error.errors] },
      headers: {},
    };
  }
  if (error instanceof UnauthenticatedError) {
    // RFC 6750 §3.1: a request without credentials gets a bare challenge, no error code.
    const challenge = error.reason === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"';
    return { body: errorBody(status, error.code, error.message), headers: { 'www-authenticate': challenge } };
  }
  if (error instanceof DependencyUnavailableError) {
    // The dependency's name stays in the log: clients only need to know to come back.
    const message = 'A service dependency is unavailable; try again shortly.';
    return {
      body: errorBody(status, error.code, message),
      headers: { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) },
    };
  }
  const message = status < 500 ? error.message : 'Something went wrong on our side.';
  return { body: errorBody(status, error.code, message), headers: {} };
}

/** A 4xx status the error itself declares (Fastify sets one on its client errors). */
function clientStatusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return null;
  const { statusCode } = error;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : null;
}

function snakeReason(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

function errorBody(statusCode: number, code: string, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
}
