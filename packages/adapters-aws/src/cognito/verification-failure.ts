import { DependencyUnavailableError, UnauthenticatedError, type UnauthenticatedReason } from '@cruddur/core';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidClaimError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';

type ErrorClass = abstract new (...args: never[]) => Error;

// Most specific first: several of these share base classes (e.g. every claim error is a JwtInvalidClaimError).
const REASONS: ReadonlyArray<readonly [ErrorClass, UnauthenticatedReason]> = [
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not_yet_valid'],
  [JwtInvalidIssuerError, 'wrong_issuer'],
  [CognitoJwtInvalidClientIdError, 'wrong_client'],
  [JwtInvalidAudienceError, 'wrong_client'],
  [CognitoJwtInvalidTokenUseError, 'wrong_token_use'],
  [JwtInvalidSignatureError, 'bad_signature'],
  [JwtInvalidSignatureAlgorithmError, 'unsupported_algorithm'],
  [KidNotFoundInJwksError, 'unknown_key'],
  // Raised instead of refetching while aws-jwt-verify backs off after an unknown kid: still an unknown key.
  [WaitPeriodNotYetEndedJwkError, 'unknown_key'],
  [JwtWithoutValidKidError, 'malformed'],
  [JwtParseError, 'malformed'],
  // Claims we never configure (scope, groups) but that are still about the token, not about us.
  [JwtInvalidClaimError, 'malformed'],
];

// The identity provider is unreachable, slow, or serves something that is not a key set:
// the caller's token may be fine, so this is "try again later", never a 401.
const IDP_UNAVAILABLE: readonly ErrorClass[] = [
  FetchError,
  JwksValidationError,
  JwkValidationError,
  JwkInvalidUseError,
  JwkInvalidKtyError,
];

/**
 * Turns an aws-jwt-verify failure into the domain error the host maps to 401 or 503.
 * Anything else (a ParameterValidationError from our own configuration, a TypeError) is a bug
 * and is returned unchanged so it surfaces as one instead of hiding behind a 401.
 */
export function translateVerificationFailure(error: unknown): unknown {
  if (error instanceof UnauthenticatedError || error instanceof DependencyUnavailableError) return error;
  for (const [kind, reason] of REASONS) {
    if (error instanceof kind) return new UnauthenticatedError(reason, { cause: error });
  }
  if (IDP_UNAVAILABLE.some((kind) => error instanceof kind)) {
    return new DependencyUnavailableError('cognito', 1, { cause: error });
  }
  return error;
}
