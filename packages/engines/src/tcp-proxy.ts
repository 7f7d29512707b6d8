import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Drops every open connection and refuses new ones: the engine looks down. */
  cut(): void;
  /** Lets connections through again: the engine is back. */
  restore(): void;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  /**
   * Holds every chunk a client sends this long before passing it on, so each call pays about that
   * much network latency, as a real DynamoDB's would (the bench's critical-path measure).
   */
  readonly delayMs?: number;
}

/**
 * A loopback proxy in front of an engine, so a test can take the engine away from the host and
 * give it back without restarting either (data and the host's clients stay as they were), or
 * slow every request down.
 */
export async function startTcpProxy(targetPort: number, { delayMs = 0 }: TcpProxyOptions = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let open = true;
  const server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    if (delayMs > 0) client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    else client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: address.port,
    cut: () => {
      open = false;
      dropAll();
    },
    restore: () => {
      open = true;
    },
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
