import type { PgPool, PgRow } from '../../src/postgres/index.js';

/** Passes everything to a pool and counts the queries, to pin round trips. */
export class CountingPool implements PgPool {
  queries = 0;

  constructor(private readonly inner: PgPool) {}

  query<R extends PgRow = PgRow>(text: string, values?: unknown[]) {
    this.queries += 1;
    return this.inner.query<R>(text, values);
  }

  connect() {
    return this.inner.connect();
  }
}
