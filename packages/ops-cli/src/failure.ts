import { DependencyUnavailableError } from '@cruddur/core';

export type Dependency = 'dynamodb' | 'postgres' | 'cognito';

const LABEL: Record<Dependency, string> = {
  dynamodb: 'DynamoDB',
  postgres: 'PostgreSQL',
  cognito: 'Cognito',
};

/** Socket errors worth naming in plain words; everything else is shown as the driver says it. */
const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

/** What to run next, by driver error: the fixes an operator most often needs. */
const HINTS: Readonly<Record<string, string>> = {
  ResourceNotFoundException: 'create it with: cruddur-ops ddb schema-load',
  '3D000': 'create it with: cruddur-ops db setup',
  '42P01': 'create the schema with: cruddur-ops db migrate',
};

const field = (error: unknown, name: string): unknown =>
  typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;

/** The error and everything it wraps (causes, AggregateError members), outermost first. */
const chain = (error: unknown, depth = 0): unknown[] => {
  if (depth > 4 || typeof error !== 'object' || error === null) return [error];
  const members = error instanceof AggregateError ? error.errors : [];
  return [
    error,
    ...[field(error, 'cause'), ...members].flatMap((e) => (e === undefined ? [] : chain(e, depth + 1))),
  ];
};

const firstLine = (text: string): string => text.split('\n')[0]?.trim() ?? '';

/** The driver's error under the adapters' wrappers, which only say "unavailable". */
const rootError = (error: unknown): unknown =>
  chain(error).find((e) => !(e instanceof DependencyUnavailableError) && e instanceof Error) ?? error;

const networkCode = (error: unknown): string | undefined =>
  chain(error)
    .map((e) => field(e, 'code'))
    .find((code): code is string => typeof code === 'string' && code in NETWORK);

const isTimeout = (error: unknown): boolean =>
  chain(error).some((e) => ['TimeoutError', 'RequestTimeout'].includes(String(field(e, 'name'))));

export interface FailureContext {
  readonly endpoint: string;
  readonly tableName?: string | undefined;
}

/**
 * One line naming the engine, the endpoint tried and why it failed, plus the command that
 * usually fixes it. Used for every error raised while talking to an engine.
 */
export const describeDependencyFailure = (
  dependency: Dependency,
  { endpoint, tableName }: FailureContext,
  error: unknown,
): string => {
  const where = `${LABEL[dependency]} at ${endpoint}`;
  const code = networkCode(error);
  if (code !== undefined) return `cannot reach ${where}: ${NETWORK[code]} (${code})`;
  if (isTimeout(error)) return `cannot reach ${where}: timed out`;
  const root = rootError(error);
  // Raised by the adapter itself (unprocessed batch items, a table still being created): no driver error to quote.
  if (root instanceof DependencyUnavailableError) {
    return `${where} is unavailable (throttled, overloaded or not ready); try again in ${root.retryAfterSeconds} s`;
  }
  const name = String(field(root, 'name'));
  const key = name === 'ResourceNotFoundException' ? name : String(field(root, 'code'));
  const hint = HINTS[key] === undefined ? '' : ` (${HINTS[key]})`;
  if (key === 'ResourceNotFoundException' && tableName !== undefined) {
    return `${where} has no table "${tableName}"${hint}`;
  }
  const message = root instanceof Error ? firstLine(root.message) : String(root);
  const reason = root instanceof Error && message === '' ? name : message;
  const unavailable = error instanceof DependencyUnavailableError ? ' is unavailable' : '';
  return `${where}${unavailable}: ${reason}${hint}`;
};

/** Anything else that escaped a command: a bug, so the first line of its message. */
export const describeUnexpected = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
