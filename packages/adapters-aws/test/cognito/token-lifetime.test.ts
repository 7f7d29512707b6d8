import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { accessClaims } from './access-claims.js';

// The refusals are in every contract run (local-bad-tokens.ts); these are the edges that must pass,
// on both verifier paths, with real RS256 tokens.
const userPoolId = 'us-east-1_Cruddur1';

describe.each([
  ['forIssuer', 'http://127.0.0.1:3000/local'],
  ['forUserPool', `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`],
])('CognitoTokenVerifier.%s token lifetime', (path, issuerName) => {
  let issuer: LocalTokenIssuer;
  let verifier: CognitoTokenVerifier;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.create({ issuer: issuerName });
    verifier =
      path === 'forIssuer'
        ? issuer.verifier()
        : CognitoTokenVerifier.forUserPool({ userPoolId, clientId: issuer.clientId, jwks: issuer.jwks() });
  });

  const reasonOf = (claims: Record<string, unknown>) =>
    verifier.verify(issuer.sign(issuer.signingHeader(), accessClaims(issuer, claims))).then(
      (identity) => `accepted until ${identity.expiresAt}`,
      (error: { reason?: string }) => error.reason,
    );
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts an iat up to a minute ahead (clock skew), refuses one beyond', async () => {
    const t = now();
    expect(await reasonOf({ iat: t + 55, exp: t + 3600 })).toBe(`accepted until ${t + 3600}`);
    expect(await reasonOf({ iat: t + 120, exp: t + 3600 })).toBe('issued_in_future');
  });

  it("accepts exactly Cognito's 24 h maximum, refuses a second more", async () => {
    const t = now();
    expect(await reasonOf({ iat: t, exp: t + 86_400 })).toBe(`accepted until ${t + 86_400}`);
    expect(await reasonOf({ iat: t, exp: t + 86_401 })).toBe('lifetime_too_long');
  });

  it('judges the lifetime from iat, not from now: an old long-lived token is still too long', async () => {
    const t = now();
    expect(await reasonOf({ iat: t - 86_000, exp: t + 3600 })).toBe('lifetime_too_long');
  });
});
