import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';

export interface JwksHttpIssuer {
  readonly issuer: LocalTokenIssuer;
  /** `http://127.0.0.1:<port>/local-issuer/.well-known/jwks.json` */
  readonly jwksUrl: string;
  /** Key-set downloads so far: the host should need one. */
  readonly fetches: () => number;
  close(): Promise<void>;
}

/** A LocalTokenIssuer whose key set is served over real HTTP, as an outside IdP would serve it. */
export async function startJwksHttpIssuer(options: { key?: string } = {}): Promise<JwksHttpIssuer> {
  let fetches = 0;
  let issuer: LocalTokenIssuer | undefined;
  const server = createServer((request, response) => {
    const found = issuer !== undefined && request.url === '/local-issuer/.well-known/jwks.json';
    if (found) fetches += 1;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? issuer?.jwks() : { message: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local-issuer`;
  issuer = await LocalTokenIssuer.create({ issuer: base, clientId: 'cruddur-web', ...options });
  return {
    issuer,
    jwksUrl: `${base}/.well-known/jwks.json`,
    fetches: () => fetches,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
