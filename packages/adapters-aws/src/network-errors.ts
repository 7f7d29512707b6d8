/**
 * Node's socket and DNS error codes: the endpoint is down, unreachable or cut us off. One list
 * for every adapter (DynamoDB, PostgreSQL, Cognito), so they agree on what "unreachable" means.
 */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** True when `code` (an error's `code`, of any type) is one of the network error codes. */
export const isNetworkErrorCode = (code: unknown): boolean =>
  typeof code === 'string' && NETWORK_ERROR_CODES.has(code);
