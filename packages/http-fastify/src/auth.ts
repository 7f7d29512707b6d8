import { type TokenVerifier, UnauthenticatedError, type VerifiedIdentity } from '@cruddur/core';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AuthFailureLimit } from './edge/rate-limits.js';
import { HttpRequestError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hooks: the verified caller, or null on an anonymous optional-auth route. */
    cruddurIdentity: VerifiedIdentity | null;
  }
}

/** RFC 6750 §2.1: `Bearer` (any case), one space run, a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Longer than any Cognito access token; refusing early spares the verifier a megabyte of base64. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * Node keeps only the first of several `Authorization` headers, so a second one (another user's
 * token, or garbage) would pass unseen; the raw header list still has them all.
 */
function hasOneAuthorizationHeader(request: FastifyRequest): boolean {
  const raw = request.raw.rawHeaders;
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.length === 13 && raw[i]?.toLowerCase() === 'authorization') count += 1;
  }
  return count === 1;
}

/**
 * The token in the `Authorization` header (which the caller checked is there): an
 * UnauthenticatedError (`malformed`) when it is not `Bearer <token>`, a 400 when it is repeated.
 */
function bearerTokenOf(request: FastifyRequest, header: string): string {
  if (!hasOneAuthorizationHeader(request)) {
    throw new HttpRequestError(400, 'duplicate_authorization', 'Send one Authorization header, not several.');
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError('malformed');
  return token;
}

export interface AuthHooks {
  /** Rejects the request with 401 unless it carries a valid access token. */
  readonly required: onRequestAsyncHookHandler;
  /** Anonymous requests pass with `cruddurIdentity = null`; a token that is sent must still be valid. */
  readonly optional: onRequestAsyncHookHandler;
}

/**
 * Auth runs on `onRequest`, before the body is read, so anonymous clients cost no parsing.
 * Verification failures reach the error handler as UnauthenticatedError (401 with a
 * `WWW-Authenticate` challenge); a verifier that cannot reach its JWKS throws
 * DependencyUnavailableError (503) instead, which is not the caller's fault. With `failures`, a
 * client IP that presented too many bad credentials gets 429 before its next one is even verified.
 */
export function authHooks(verifier: TokenVerifier, failures?: AuthFailureLimit): AuthHooks {
  const authenticate = async (request: FastifyRequest, optional: boolean): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined) {
      if (optional) return;
      throw new UnauthenticatedError('missing');
    }
    await failures?.refuseIfExhausted(request);
    try {
      request.cruddurIdentity = await verifier.verify(bearerTokenOf(request, header));
    } catch (error) {
      if (error instanceof UnauthenticatedError || error instanceof HttpRequestError) {
        await failures?.recordFailure(request);
      }
      throw error;
    }
  };
  return {
    required: async (request) => authenticate(request, false),
    optional: async (request) => authenticate(request, true),
  };
}

/** The caller of a route guarded by `required`. */
export function callerOf(request: FastifyRequest): VerifiedIdentity {
  if (request.cruddurIdentity === null) throw new UnauthenticatedError('missing');
  return request.cruddurIdentity;
}
