import { runTokenVerifierContract } from '@cruddur/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { accessClaims } from './access-claims.js';
import { badTokensFor } from './local-bad-tokens.js';

// Tokens minted locally under a real pool's issuer name; the pool's key set is handed to the
// verifier up front, so nothing here reaches AWS (an unknown kid would, so it is tested elsewhere).
const userPoolId = 'us-east-1_Cruddur1';
const regionalIssuer = `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
const globalIssuer = `https://issuer-cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;

const poolVerifier = (issuer: LocalTokenIssuer) =>
  CognitoTokenVerifier.forUserPool({ userPoolId, clientId: issuer.clientId, jwks: issuer.jwks() });

runTokenVerifierContract('CognitoTokenVerifier.forUserPool', async () => {
  const pool = await LocalTokenIssuer.create({ issuer: regionalIssuer, clientId: '4kq0jt5c8v1mq2example' });
  return {
    verifier: poolVerifier(pool),
    validToken: async (sub) => pool.issueAccessToken({ sub, username: 'mira' }).accessToken,
    validTokenLifetimeSeconds: 3600,
    badTokens: () => badTokensFor(pool, { withUnknownKey: false }),
  };
});

describe('CognitoTokenVerifier.forUserPool', () => {
  let pool: LocalTokenIssuer;

  beforeAll(async () => {
    pool = await LocalTokenIssuer.create({ issuer: regionalIssuer });
  });

  it("accepts the pool's global issuer name as well as the regional one", async () => {
    const token = pool.sign(pool.signingHeader(), accessClaims(pool, { iss: globalIssuer, sub: 'global-sub' }));
    await expect(poolVerifier(pool).verify(token)).resolves.toMatchObject({ sub: 'global-sub' });
  });

  it('rejects tokens of another pool in the same region as the wrong issuer', async () => {
    const token = pool.sign(
      pool.signingHeader(),
      accessClaims(pool, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Elsewhere' }),
    );
    await expect(poolVerifier(pool).verify(token)).rejects.toMatchObject({ reason: 'wrong_issuer' });
  });

  it('refuses a user pool id that is not one, when it is built', () => {
    expect(() => CognitoTokenVerifier.forUserPool({ userPoolId: 'cruddur', clientId: 'x' })).toThrow(
      /User Pool ID/,
    );
  });
});
