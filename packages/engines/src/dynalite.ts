/// <reference path="./dynalite-module.d.ts" />
import type { AddressInfo } from 'node:net';

/** A running DynamoDB-compatible engine a client can point at. */
export interface DynamoEngine {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  /** The port behind `endpoint`, for a proxy in front of it. */
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * dynalite in this process, in memory, on a free loopback port: starts in milliseconds, no Java.
 * Tables are usable at once (no CREATING or DELETING phase). In-process means the engine's work
 * shares the event loop with its clients'.
 */
export const startDynalite = async (): Promise<DynamoEngine> => {
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
