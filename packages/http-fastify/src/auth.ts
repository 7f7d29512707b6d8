import { type TokenVerifier, UnauthenticatedError, type VerifiedIdentity } from '@cruddur/core';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hooks: the verified caller, or null on an anonymous optional-auth route. */
    identity: VerifiedIdentity | null;
  }
}

/** RFC 6750 §2.1: `Bearer` (any case), one space run, a b64token. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Longer than any Cognito access token; refusing early spares the verifier a megabyte of base64. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * The token in the `Authorization` header: null when there is no header at all, an
 * UnauthenticatedError (`malformed`) when there is one but it is not `Bearer <token>`.
 */
function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError('malformed');
  return token;
}

export interface AuthHooks {
  /** Rejects the request with 401 unless it carries a valid access token. */
  readonly required: onRequestAsyncHookHandler;
  /** Anonymous requests pass with `identity = null`; a token that is sent must still be valid. */
  readonly optional: onRequestAsyncHookHandler;
}

/**
 * Auth runs on `onRequest`, before the body is read, so anonymous clients cost no parsing.
 * Verification failures reach the error handler as UnauthenticatedError (401 with a
 * `WWW-Authenticate` challenge); a verifier that cannot reach its JWKS throws
 * DependencyUnavailableError (503) instead, which is not the caller's fault.
 */
export function authHooks(verifier: TokenVerifier): AuthHooks {
  const authenticate = async (request: FastifyRequest, optional: boolean): Promise<void> => {
    const token = bearerTokenOf(request);
    if (token === null) {
      if (optional) return;
      throw new UnauthenticatedError('missing');
    }
    request.identity = await verifier.verify(token);
  };
  return {
    required: async (request) => authenticate(request, false),
    optional: async (request) => authenticate(request, true),
  };
}

/** The caller of a route guarded by `required`. */
export function callerOf(request: FastifyRequest): VerifiedIdentity {
  if (request.identity === null) throw new UnauthenticatedError('missing');
  return request.identity;
}
