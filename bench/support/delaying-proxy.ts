import { createConnection, createServer, type Socket } from 'node:net';

export interface DelayingProxy {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy that holds every chunk a client sends for `delayMs` before passing it
 * on: each DynamoDB call then pays about that much network latency, as a real one would.
 */
export const startDelayingProxy = async (targetPort: number, delayMs: number): Promise<DelayingProxy> => {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
