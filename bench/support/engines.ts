import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** A DynamoDB-compatible engine the bench points a client at. */
export interface Engine {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * dynalite in this process, as the embedded host runs it. In-process means the engine's
 * work shares this event loop with the client's: both sides of every comparison pay it alike.
 */
export const startDynalite = async (): Promise<Engine> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
