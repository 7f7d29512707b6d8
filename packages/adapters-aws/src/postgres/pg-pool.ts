import pg from 'pg';

/** What a result row may look like; `pg` types rows the same way. */
export type PgRow = pg.QueryResultRow;

/** The part of a `pg` client the adapters use. */
export interface PgQueryable {
  query<R extends PgRow = PgRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * The part of a `pg.Pool` the adapters use: queries, plus a dedicated client when statements
 * must share one connection (a migration's transaction). `pg.Pool` and pg-mem's pool both fit.
 */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgQueryable & { release(error?: Error | boolean): void }>;
}

export interface PgPoolOptions {
  /** Connections kept at most; requests beyond wait up to `connectionTimeoutMillis`. */
  readonly max?: number;
  readonly connectionTimeoutMillis?: number;
  /** Server-side limit for one statement; 0 turns both statement limits off (long migrations). */
  readonly statementTimeoutMillis?: number;
  readonly idleTimeoutMillis?: number;
  /** Told about errors of idle connections (the pool already drops them); silent by default. */
  readonly onIdleClientError?: (error: Error) => void;
}

/**
 * A pool that fails fast when PostgreSQL is down or slow, so callers get a 503 in seconds
 * instead of hanging: connecting gives up after 2 s, a statement after 3 s on the server.
 */
export function createPgPool(connectionUrl: string, options: PgPoolOptions = {}): pg.Pool {
  const statementTimeout = options.statementTimeoutMillis ?? 3_000;
  const pool = new pg.Pool({
    connectionString: connectionUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 2_000,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 30_000,
    statement_timeout: statementTimeout,
    // The client-side limit is a backstop for a server that stopped answering altogether; it
    // is a little longer than the server's own so that, normally, the server cancels first and
    // the connection stays usable.
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + 500 } : {}),
    keepAlive: true,
  });
  // Without a listener, an idle connection that breaks (server restart, network cut) emits
  // 'error' on the pool and crashes the process. The pool has already discarded that client;
  // the next query opens a new one, or reports the outage as DependencyUnavailableError.
  pool.on('error', (error) => options.onIdleClientError?.(error));
  return pool;
}
