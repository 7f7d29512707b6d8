import { DependencyUnavailableError } from '@cruddur/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { JwksServer } from './jwks-server.js';

describe('when the identity provider cannot serve its keys', () => {
  const issuerUrl = 'http://127.0.0.1/pool';
  const user = { sub: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', username: 'mira' };
  let issuer: LocalTokenIssuer;
  let jwksServer: JwksServer;

  const verifierFor = (jwksUri: string, jwksTimeoutMs?: number) =>
    CognitoTokenVerifier.forIssuer({
      issuer: issuerUrl,
      jwksUri,
      clientId: issuer.clientId,
      ...(jwksTimeoutMs === undefined ? {} : { jwksTimeoutMs }),
    });

  const verifying = (verifier: CognitoTokenVerifier) =>
    verifier.verify(issuer.issueAccessToken(user).accessToken).then(
      () => new Error('the token was accepted'),
      (error: unknown) => error,
    );

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.create({ issuer: issuerUrl });
    jwksServer = await JwksServer.start(issuer.jwks());
  });

  afterEach(() => {
    jwksServer.serve(issuer.jwks());
    jwksServer.answerAfter(0);
  });

  afterAll(() => jwksServer.close());

  it('reports Cognito unavailable, not a bad token, when nothing listens', async () => {
    const closed = await JwksServer.start(issuer.jwks());
    await closed.close();

    const failure = await verifying(verifierFor(closed.uri));
    expect(failure).toBeInstanceOf(DependencyUnavailableError);
    expect(failure).toMatchObject({ dependency: 'cognito' });
  });

  it('reports Cognito unavailable when the endpoint answers with an error status', async () => {
    jwksServer.failWith(503);
    expect(await verifying(verifierFor(jwksServer.uri))).toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports Cognito unavailable when the endpoint serves something that is not a key set', async () => {
    jwksServer.serve({ keys: [{ kty: 42 }] });
    expect(await verifying(verifierFor(jwksServer.uri))).toBeInstanceOf(DependencyUnavailableError);
  });

  it('gives up after the timeout when the endpoint is too slow', async () => {
    jwksServer.answerAfter(2000);
    const started = Date.now();
    expect(await verifying(verifierFor(jwksServer.uri, 200))).toBeInstanceOf(DependencyUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('recovers without a restart once the endpoint is back', async () => {
    const verifier = verifierFor(jwksServer.uri);
    jwksServer.failWith(500);
    expect(await verifying(verifier)).toBeInstanceOf(DependencyUnavailableError);

    jwksServer.serve(issuer.jwks());
    await expect(verifier.verify(issuer.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
  });

  it('needs no download at all when the key set is given up front', async () => {
    const closed = await JwksServer.start(issuer.jwks());
    await closed.close();
    const verifier = CognitoTokenVerifier.forIssuer({
      issuer: issuerUrl,
      jwksUri: closed.uri,
      clientId: issuer.clientId,
      jwks: issuer.jwks(),
    });
    await expect(verifier.verify(issuer.issueAccessToken(user).accessToken)).resolves.toMatchObject(user);
  });
});
