import { type ClosablePgPool, pgMemPool, startDynalite } from '@cruddur/adapters-aws/engines';

export interface EmbeddedEngines {
  /** dynalite's endpoint, e.g. http://127.0.0.1:41234 */
  readonly dynamoEndpoint: string;
  /** A `pg`-compatible pool over pg-mem. */
  readonly pool: ClosablePgPool;
  stop(): Promise<void>;
}

/**
 * In-process stand-ins for DynamoDB (dynalite, in memory) and PostgreSQL (pg-mem), so
 * `npm start` needs no Docker, Java or database server. Data lives until the process exits.
 */
export async function startEmbeddedEngines(): Promise<EmbeddedEngines> {
  const dynalite = await startDynalite();
  const pool = pgMemPool();
  return {
    dynamoEndpoint: dynalite.endpoint,
    pool,
    stop: async () => {
      await pool.end();
      await dynalite.stop();
    },
  };
}
