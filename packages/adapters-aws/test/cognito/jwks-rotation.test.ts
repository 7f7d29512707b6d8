import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { decodePart } from './access-claims.js';
import { JwksServer } from './jwks-server.js';

describe('JWKS caching and key rotation', () => {
  const issuerUrl = 'http://127.0.0.1/pool';
  const user = { sub: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140', username: 'mira' };
  let before: LocalTokenIssuer;
  let after: LocalTokenIssuer;
  let jwksServer: JwksServer;
  let verifier: CognitoTokenVerifier;

  beforeAll(async () => {
    // Two keys of one issuer: the pool's current key and the one it rotates to.
    [before, after] = await Promise.all([
      LocalTokenIssuer.create({ issuer: issuerUrl }),
      LocalTokenIssuer.create({ issuer: issuerUrl }),
    ]);
    jwksServer = await JwksServer.start(before.jwks());
    verifier = CognitoTokenVerifier.forIssuer({
      issuer: issuerUrl,
      jwksUri: jwksServer.uri,
      clientId: before.clientId,
    });
  });

  afterAll(() => jwksServer.close());

  it('downloads the key set once, not once per request', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(verifier.verify(before.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
    }
    expect(jwksServer.fetches).toBe(1);
  });

  it('downloads again when a token names a kid it has not seen, then accepts the new key', async () => {
    jwksServer.serve({ keys: [...before.jwks().keys, ...after.jwks().keys] });

    await expect(verifier.verify(after.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
    await expect(verifier.verify(after.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
    await expect(verifier.verify(before.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
    expect(jwksServer.fetches).toBe(2);
  });

  it('rejects a kid the IdP does not publish, and does not let such tokens hammer the endpoint', async () => {
    const stranger = after.sign(
      { alg: 'RS256', kid: 'never-published', typ: 'JWT' },
      decodePart(after.issueAccessToken(user).accessToken, 1),
    );
    for (let i = 0; i < 5; i++) {
      await expect(verifier.verify(stranger)).rejects.toMatchObject({ reason: 'unknown_key' });
    }
    // One lookup for the unknown kid; aws-jwt-verify then backs off for a while.
    expect(jwksServer.fetches).toBe(3);
  });
});
