import type { AddressInfo } from 'node:net';
import type { PgPool } from '@cruddur/adapters-aws/postgres';
import dynalite from 'dynalite';
import { newDb } from 'pg-mem';

export interface EmbeddedEngines {
  /** dynalite's endpoint, e.g. http://127.0.0.1:41234 */
  readonly dynamoEndpoint: string;
  /** A `pg`-compatible pool over pg-mem. */
  readonly pool: PgPool & { end(): Promise<void> };
  stop(): Promise<void>;
}

/**
 * In-process stand-ins for DynamoDB (dynalite, in memory) and PostgreSQL (pg-mem), so
 * `npm start` needs no Docker, Java or database server. Data lives until the process exits.
 */
export async function startEmbeddedEngines(): Promise<EmbeddedEngines> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const { Pool: MemPool } = newDb().adapters.createPg();
  const pool: PgPool & { end(): Promise<void> } = new MemPool();
  return {
    dynamoEndpoint: `http://127.0.0.1:${port}`,
    pool,
    stop: async () => {
      await pool.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
