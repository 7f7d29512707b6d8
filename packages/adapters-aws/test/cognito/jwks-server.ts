import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type JwksBody = { keys: readonly object[] };

/** A JWKS endpoint on 127.0.0.1 that counts downloads and can be rotated, broken or slowed. */
export class JwksServer {
  fetches = 0;
  private body: string;
  private status = 200;
  private delayMs = 0;

  private constructor(
    private readonly server: Server,
    readonly uri: string,
    jwks: JwksBody,
  ) {
    this.body = JSON.stringify(jwks);
  }

  static async start(jwks: JwksBody): Promise<JwksServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const jwksServer = new JwksServer(server, `http://127.0.0.1:${port}/pool/.well-known/jwks.json`, jwks);
    server.on('request', (_request, response) => {
      jwksServer.fetches += 1;
      setTimeout(() => {
        response.writeHead(jwksServer.status, { 'content-type': 'application/json' });
        response.end(jwksServer.body);
      }, jwksServer.delayMs);
    });
    return jwksServer;
  }

  /** Serve a new key set from now on (a key rotation at the IdP). */
  serve(jwks: JwksBody): void {
    this.body = JSON.stringify(jwks);
    this.status = 200;
  }

  failWith(status: number, body = 'upstream error'): void {
    this.status = status;
    this.body = body;
  }

  answerAfter(delayMs: number): void {
    this.delayMs = delayMs;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
