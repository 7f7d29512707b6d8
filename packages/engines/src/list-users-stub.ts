import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubUser {
  readonly Username: string;
  readonly Attributes: ReadonlyArray<{ Name: string; Value: string }>;
}

/**
 * Speaks just enough of Cognito's JSON protocol for `AWSCognitoIdentityProviderService.ListUsers`:
 * serves `pages` one per request, chained by PaginationToken, and records what it was asked.
 */
export class ListUsersStub {
  readonly requests: Array<Record<string, unknown>> = [];
  private failure: { status: number; type: string } | undefined;

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private readonly pages: ReadonlyArray<readonly StubUser[]>,
  ) {}

  static async start(pages: ReadonlyArray<readonly StubUser[]>): Promise<ListUsersStub> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const stub = new ListUsersStub(server, `http://127.0.0.1:${port}`, pages);
    server.on('request', async (request, response) => {
      const body = JSON.parse(await readBody(request));
      stub.requests.push({ target: request.headers['x-amz-target'], ...body });
      const { status, payload } = stub.answer(request.headers['x-amz-target'], body);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(payload));
    });
    return stub;
  }

  /** Every later request fails like Cognito does, e.g. 400 TooManyRequestsException. */
  failWith(status: number, type: string): void {
    this.failure = { status, type };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(target: unknown, body: { PaginationToken?: string }): { status: number; payload: object } {
    if (this.failure)
      return { status: this.failure.status, payload: { __type: this.failure.type, message: 'stubbed' } };
    if (target !== 'AWSCognitoIdentityProviderService.ListUsers') {
      return { status: 400, payload: { __type: 'InvalidAction', message: `not stubbed: ${String(target)}` } };
    }
    const index = body.PaginationToken === undefined ? 0 : Number(body.PaginationToken.replace('page-', ''));
    const users = (this.pages[index] ?? []).map((user) => ({
      ...user,
      Enabled: true,
      UserStatus: 'CONFIRMED',
    }));
    const next = index + 1 < this.pages.length ? { PaginationToken: `page-${index + 1}` } : {};
    return { status: 200, payload: { Users: users, ...next } };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8') || '{}';
}
