import { runTokenVerifierContract } from '@cruddur/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { decodePart, unsignedToken, withPayload } from './access-claims.js';
import { type CognitoLocal, startCognitoLocal } from './cognito-local.js';
import { createAppClient, createPool, createUser, signIn } from './cognito-local-pool.js';
import type { BadToken } from './local-bad-tokens.js';

let cognito: CognitoLocal | undefined;

afterAll(async () => {
  await cognito?.stop();
});

// Every token here comes from cognito-local's own sign-in (USER_PASSWORD_AUTH) or is a real one
// altered, and is checked against the key set cognito-local serves over http.
runTokenVerifierContract('CognitoTokenVerifier.forIssuer on cognito-local tokens', async () => {
  const local = await startCognitoLocal();
  cognito = local;
  const { client, endpoint } = local;
  const pool = await createPool(client, endpoint);
  const verifier = CognitoTokenVerifier.forIssuer({
    issuer: pool.issuer,
    jwksUri: pool.jwksUri,
    clientId: pool.clientId,
  });

  const badTokens = async (): Promise<BadToken[]> => {
    const user = await createUser(client, pool.userPoolId);
    const { accessToken, idToken } = await signIn(client, pool.clientId, user);
    const otherClient = await createAppClient(client, pool.userPoolId);
    const shortLived = await createAppClient(client, pool.userPoolId, { accessTokenSeconds: 1 });
    const otherPool = await createPool(client, endpoint);
    const otherPoolUser = await createUser(client, otherPool.userPoolId);
    const claims = decodePart(accessToken, 1);
    // cognito-local signs every pool with one fixed key, kid "CognitoLocal"; an impostor reuses the kid.
    const impostor = await LocalTokenIssuer.create({ issuer: pool.issuer });
    const expired = (await signIn(client, shortLived, user)).accessToken;
    await waitUntilExpired(expired);

    return [
      { name: 'id token', token: idToken, reason: 'wrong_token_use' },
      {
        name: 'other app client',
        token: (await signIn(client, otherClient, user)).accessToken,
        reason: 'wrong_client',
      },
      {
        name: 'other user pool',
        token: (await signIn(client, otherPool.clientId, otherPoolUser)).accessToken,
        reason: 'wrong_issuer',
      },
      { name: 'expired', token: expired, reason: 'expired' },
      {
        name: 'payload tampered',
        token: withPayload(accessToken, { ...claims, sub: 'someone-else' }),
        reason: 'bad_signature',
      },
      {
        name: 'impostor key, same kid',
        token: impostor.sign(decodePart(accessToken, 0), claims),
        reason: 'bad_signature',
      },
      {
        name: 'unknown kid',
        token: impostor.sign({ alg: 'RS256', typ: 'JWT', kid: 'not-cognito-local' }, claims),
        reason: 'unknown_key',
      },
      { name: 'alg none', token: unsignedToken(claims), reason: 'unsupported_algorithm' },
    ];
  };

  return {
    verifier,
    // cognito-local's default for an app client without AccessTokenValidity: 24 h.
    validTokenLifetimeSeconds: 86_400,
    validToken: async (sub) =>
      (await signIn(client, pool.clientId, await createUser(client, pool.userPoolId, { sub }))).accessToken,
    badTokens,
  };
});

describe('CognitoTokenVerifier.forIssuer on cognito-local, token lifetime', () => {
  it('refuses a token of an app client whose access tokens live longer than 24 h', async () => {
    const local = cognito ?? (await startCognitoLocal());
    cognito = local;
    const pool = await createPool(local.client, local.endpoint);
    // Real Cognito caps AccessTokenValidity at a day; cognito-local signs whatever the client asks for.
    const clientId = await createAppClient(local.client, pool.userPoolId, { accessTokenSeconds: 86_401 });
    const verifier = CognitoTokenVerifier.forIssuer({ issuer: pool.issuer, jwksUri: pool.jwksUri, clientId });
    const user = await createUser(local.client, pool.userPoolId);
    const { accessToken } = await signIn(local.client, clientId, user);
    await expect(verifier.verify(accessToken)).rejects.toMatchObject({ reason: 'lifetime_too_long' });
  });
});

async function waitUntilExpired(token: string): Promise<void> {
  const exp = Number(decodePart(token, 1).exp);
  const wait = exp * 1000 - Date.now() + 50;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
