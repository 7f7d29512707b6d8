import { UnauthenticatedError } from '@cruddur/core';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/** How far ahead of our clock an issuer's clock may run before its `iat` counts as a lie. */
export const MAX_CLOCK_SKEW_SECONDS = 60;
/** Cognito's longest access-token lifetime (AccessTokenValidity at most 1 day). */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Checks aws-jwt-verify leaves out: a token dated more than a minute in the future, or one
 * that lives longer than Cognito ever issues, was minted by someone who controls the key but
 * not by Cognito's normal path (a leaked key, a misconfigured issuer); both are refused.
 * Cognito always writes `iat` and `exp`, so a token without them is malformed.
 */
export function checkTokenLifetime(payload: JwtPayload, nowSeconds: number): { expiresAt: number } {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') throw new UnauthenticatedError('malformed');
  if (iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS) throw new UnauthenticatedError('issued_in_future');
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new UnauthenticatedError('lifetime_too_long');
  return { expiresAt: exp };
}
