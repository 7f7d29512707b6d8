import type pg from 'pg';

type Row = pg.QueryResultRow;

/** The part of a `pg` pool the adapters use (structurally the adapters' `PgPool`). */
export interface CountablePool {
  query<R extends Row = Row>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  connect(): Promise<{
    query<R extends Row = Row>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
    release(error?: Error | boolean): void;
  }>;
}

/** Passes everything to a pool and counts the statements: PostgreSQL round trips. */
export class CountingPool implements CountablePool {
  queries = 0;

  constructor(private readonly inner: CountablePool) {}

  query<R extends Row = Row>(text: string, values?: unknown[]) {
    this.queries += 1;
    return this.inner.query<R>(text, values);
  }

  /** Statements on a dedicated client (migrations) count too. */
  async connect() {
    const client = await this.inner.connect();
    return {
      query: <R extends Row = Row>(text: string, values?: unknown[]) => {
        this.queries += 1;
        return client.query<R>(text, values);
      },
      release: (error?: Error | boolean) => client.release(error),
    };
  }
}
