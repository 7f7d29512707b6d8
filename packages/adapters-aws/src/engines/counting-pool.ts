import type { PgPool, PgQueryable, PgRow } from '../postgres/pg-pool.js';

/** Passes everything to a pool and counts the statements: PostgreSQL round trips. */
export class CountingPool implements PgPool {
  queries = 0;

  constructor(private readonly inner: PgPool) {}

  query<R extends PgRow = PgRow>(text: string, values?: unknown[]) {
    this.queries += 1;
    return this.inner.query<R>(text, values);
  }

  /** Statements on a dedicated client (migrations) count too. */
  async connect() {
    const client = await this.inner.connect();
    const counted: PgQueryable = {
      query: <R extends PgRow = PgRow>(text: string, values?: unknown[]) => {
        this.queries += 1;
        return client.query<R>(text, values);
      },
    };
    return { ...counted, release: (error?: Error | boolean) => client.release(error) };
  }
}
