import { UnauthenticatedError } from '@cruddur/core';

/** Cognito signs with RS256 only; anything else (`none`, HS256 keyed with the public key) is refused. */
export const SIGNING_ALGORITHM = 'RS256';

/**
 * Refuses, before any key lookup, tokens no key of ours can make valid: another algorithm or
 * another issuer. Checking the issuer first also means a foreign token with a random `kid` never
 * makes us refetch the JWKS. Tokens we cannot even decode are left to aws-jwt-verify, which
 * reports them as malformed.
 */
export function rejectForeignToken(token: string, acceptedIssuers: readonly string[]): void {
  const parts = token.split('.');
  if (parts.length !== 3) return;
  const header = decodeSegment(parts[0]);
  const payload = decodeSegment(parts[1]);
  if (header === undefined || payload === undefined) return;
  if (header.alg !== SIGNING_ALGORITHM) throw new UnauthenticatedError('unsupported_algorithm');
  if (typeof payload.iss !== 'string' || !acceptedIssuers.includes(payload.iss)) {
    throw new UnauthenticatedError('wrong_issuer');
  }
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  if (segment === undefined || segment === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
