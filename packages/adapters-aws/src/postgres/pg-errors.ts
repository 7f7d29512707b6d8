import { DependencyUnavailableError } from '@cruddur/core';
import { isNetworkErrorCode } from '../network-errors.js';

/** SQLSTATE codes that mean "the server cannot serve us now", not "the request is wrong". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping (fast shutdown ends every session)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '57014', // query_canceled: statement_timeout fired, the server is too slow
  '53300', // too_many_connections
  '53000', // insufficient_resources
  '53100', // disk_full
  '53200', // out_of_memory
  '42P01', // undefined_table: the schema is not migrated yet; /readyz reports it too
]);

// node-postgres and pg-pool raise these as plain Errors without a code, so the message is the
// only thing to go by: connection/pool timeouts, the client-side query_timeout, and a server
// that went away mid-query.
const UNAVAILABLE_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|query read timeout|timeout expired|not queryable/i;

const codeOf = (error: object): unknown => ('code' in error ? error.code : undefined);

/** True when the error says PostgreSQL is down, unreachable, overloaded or too slow. */
export function isPostgresUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const code = codeOf(error);
  if (typeof code === 'string') {
    // Socket-level failures reported by Node while connecting or talking to the server.
    if (UNAVAILABLE_SQLSTATES.has(code) || isNetworkErrorCode(code)) return true;
    if (code.startsWith('08')) return true; // connection_exception class
  }
  if (error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message)) return true;
  // Node reports a host with several addresses (localhost → ::1 and 127.0.0.1) as one
  // AggregateError; pg-pool wraps a connect timeout with the socket error as its cause.
  if (error instanceof AggregateError && error.errors.some((e) => isPostgresUnavailable(e, depth + 1))) {
    return true;
  }
  return error instanceof Error && isPostgresUnavailable(error.cause, depth + 1);
}

/** The error to throw: DependencyUnavailableError when PostgreSQL is unavailable, else the original. */
export function translateUnavailable(error: unknown): unknown {
  return isPostgresUnavailable(error)
    ? new DependencyUnavailableError('postgres', 1, { cause: error })
    : error;
}

const KEY_DETAIL = /Key \(([^)]+)\)=/;

/**
 * The column a unique violation (23505) is about, or null for any other error.
 *
 * PostgreSQL names the violated constraint (`error.constraint`), which is what we trust first.
 * pg-mem reports every unique violation as `<table>_pkey`, without `constraint`, but its detail
 * (`data.details`) names the column as PostgreSQL's `detail` does: "Key (handle)=(mira) already
 * exists." — so the detail is the fallback, and the constraint name wins when both are there.
 */
export function uniqueViolation(error: unknown): { constraint: string | null; column: string | null } | null {
  if (typeof error !== 'object' || error === null || codeOf(error) !== '23505') return null;
  const constraint = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : null;
  const detail = detailOf(error);
  return { constraint, column: detail?.match(KEY_DETAIL)?.[1] ?? null };
}

function detailOf(error: object): string | null {
  if ('detail' in error && typeof error.detail === 'string') return error.detail;
  const data = 'data' in error ? error.data : undefined;
  if (typeof data === 'object' && data !== null && 'details' in data && typeof data.details === 'string') {
    return data.details;
  }
  return null;
}
