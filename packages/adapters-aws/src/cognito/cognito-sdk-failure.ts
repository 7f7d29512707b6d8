import { DependencyUnavailableError } from '@cruddur/core';
import { isNetworkErrorCode } from '../network-errors.js';

// Cognito's own names for "slow down" and "our side failed"; all worth a retry later.
const UNAVAILABLE_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'InternalErrorException',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
]);

/**
 * Throttling, Cognito-side faults and network failures become DependencyUnavailableError (503,
 * retry later). Client faults (wrong pool id, missing permission) are configuration bugs and are
 * returned unchanged so they surface as such.
 */
export function translateCognitoFailure(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fault: unknown = Reflect.get(error, '$fault');
  const code: unknown = Reflect.get(error, 'code');
  // A network error code: the endpoint is down or unreachable.
  const unavailable = UNAVAILABLE_NAMES.has(error.name) || fault === 'server' || isNetworkErrorCode(code);
  return unavailable ? new DependencyUnavailableError('cognito', 1, { cause: error }) : error;
}
