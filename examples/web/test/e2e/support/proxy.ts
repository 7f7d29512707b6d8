import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of the host whose line can be cut and restored, as a network would fail. */
export interface CuttableLine {
  readonly url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /**
   * From now on, a request whose first line matches reaches the host, but its answer is lost: the
   * connection is cut as the answer comes back (the "sent, then the network failed" case).
   * `null` stops it.
   */
  loseAnswersTo(requestLine: RegExp | null): void;
  close(): Promise<void>;
}

export async function cuttableLine(target: string): Promise<CuttableLine> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let losing: RegExp | null = null;
  let server: Server = listen();
  function listen(): Server {
    return createServer((client) => {
      const upstream = connect(Number(port), hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => {
          sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
        socket.on('error', () => socket.destroy());
      }
      // By hand rather than pipe(), to see where each request starts (keep-alive reuses a line).
      let doomed = false;
      client.on('data', (chunk: Buffer) => {
        if (losing?.test(chunk.toString('latin1', 0, 256))) doomed = true;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (doomed) client.destroy();
        else client.write(chunk);
      });
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
    });
  }
  const start = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : at);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  const own = await start(0);
  return {
    url: `http://127.0.0.1:${own}`,
    cut: stop,
    restore: async () => {
      server = listen();
      await start(own);
    },
    loseAnswersTo: (requestLine) => {
      losing = requestLine;
    },
    close: stop,
  };
}
