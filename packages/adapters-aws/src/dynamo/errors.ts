import { DependencyUnavailableError } from '@cruddur/core';
import { isNetworkErrorCode } from '../network-errors.js';

const DEPENDENCY = 'dynamodb';

/** DynamoDB refusing work for now: worth retrying after a short pause. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

/** With Node's network error codes, the SDK's timeout/abort names: the engine is unreachable or slow. */
const UNREACHABLE_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/**
 * Credentials that could not be loaded or refreshed (instance/container roles rotate them):
 * usually passing, and nothing the caller can fix, so a 503 rather than a 500.
 */
const CREDENTIAL_NAMES = new Set(['CredentialsProviderError', 'ExpiredTokenException']);

/** Retry-After hints, in seconds. */
export const RETRY_AFTER = { throttled: 1, serverError: 2, unreachable: 5, tableMissing: 5 } as const;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const shape = (error: unknown): ErrorShape => (typeof error === 'object' && error !== null ? error : {});

/** Node reports a refused dual-stack connect as an AggregateError; look inside it too. */
const isUnreachable = (error: unknown): boolean => {
  const { name, code, errors } = shape(error);
  if (isNetworkErrorCode(code)) return true;
  if (typeof name === 'string' && UNREACHABLE_NAMES.has(name)) return true;
  return Array.isArray(errors) && errors.some(isUnreachable);
};

export const isConditionalCheckFailed = (error: unknown): boolean =>
  shape(error).name === 'ConditionalCheckFailedException';

/**
 * The domain error for a driver error, or the error itself when the caller cannot act on it
 * (validation errors are bugs here: they stay as they are and become 500s upstream).
 */
export const translateDynamoError = (error: unknown): unknown => {
  const { name, $fault, $metadata } = shape(error);
  const status = typeof $metadata?.httpStatusCode === 'number' ? $metadata.httpStatusCode : 0;
  const retryAfter = (seconds: number) =>
    new DependencyUnavailableError(DEPENDENCY, seconds, { cause: error });
  if (error instanceof DependencyUnavailableError) return error;
  if (typeof name === 'string' && THROTTLING.has(name)) return retryAfter(RETRY_AFTER.throttled);
  // A missing table means the engine is not ready (tables are created at start); /readyz says why.
  if (name === 'ResourceNotFoundException') return retryAfter(RETRY_AFTER.tableMissing);
  if (status >= 500 || $fault === 'server') return retryAfter(RETRY_AFTER.serverError);
  if (isUnreachable(error)) return retryAfter(RETRY_AFTER.unreachable);
  if (typeof name === 'string' && CREDENTIAL_NAMES.has(name)) return retryAfter(RETRY_AFTER.serverError);
  return error;
};

/**
 * Runs one DynamoDB call. `ConditionalCheckFailedException` passes through untouched: every
 * conditional write in this adapter expects it and decides what it means.
 */
export const dynamoCall = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw error;
    throw translateDynamoError(error);
  }
};
