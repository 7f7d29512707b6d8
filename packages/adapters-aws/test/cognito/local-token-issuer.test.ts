import { beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenIssuer } from '../../src/cognito/index.js';
import { decodePart } from './access-claims.js';

describe('LocalTokenIssuer', () => {
  let issuer: LocalTokenIssuer;
  const user = { sub: '0b6c1f1e-9a57-4c52-8a61-3c1f5f0d2a11', username: 'mira' };

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1:3000/local' });
  });

  it('issues tokens shaped like Cognito access tokens', () => {
    const { accessToken, expiresIn } = issuer.issueAccessToken(user);
    const header = decodePart(accessToken, 0);
    const claims = decodePart(accessToken, 1);
    const now = Math.floor(Date.now() / 1000);

    expect(header).toEqual({ alg: 'RS256', kid: issuer.jwks().keys[0]?.kid, typ: 'JWT' });
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:3000/local',
      sub: user.sub,
      username: 'mira',
      token_use: 'access',
      client_id: 'cruddur-local-client',
      scope: 'aws.cognito.signin.user.admin',
    });
    for (const id of ['jti', 'origin_jti', 'event_id']) expect(claims[id]).toEqual(expect.any(String));
    expect(claims.iat).toBeGreaterThanOrEqual(now - 1);
    expect(claims.auth_time).toBe(claims.iat);
    expect(claims.exp).toBe(Number(claims.iat) + 3600);
    expect(expiresIn).toBe(3600);
  });

  it('lets the caller choose the lifetime and the client id', async () => {
    const other = await LocalTokenIssuer.create({ issuer: 'http://localhost/x', clientId: 'web' });
    const { accessToken, expiresIn } = other.issueAccessToken(user, { expiresInSeconds: 60 });
    const claims = decodePart(accessToken, 1);

    expect(expiresIn).toBe(60);
    expect(claims.exp).toBe(Number(claims.iat) + 60);
    expect(claims.client_id).toBe('web');
    expect(other.clientId).toBe('web');
  });

  it('refuses a lifetime that is not a positive number of seconds', () => {
    for (const expiresInSeconds of [0, -5, 1.5, Number.NaN]) {
      expect(() => issuer.issueAccessToken(user, { expiresInSeconds })).toThrow(RangeError);
    }
  });

  it('publishes only the public half of its key, tagged for RS256 signatures', () => {
    const { keys } = issuer.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).toHaveProperty('n');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);
  });

  it('makes a new key and kid for every issuer', async () => {
    const other = await LocalTokenIssuer.create({ issuer: issuer.issuer });
    expect(other.jwks().keys[0]?.kid).not.toBe(issuer.jwks().keys[0]?.kid);
    await expect(issuer.verifier().verify(other.issueAccessToken(user).accessToken)).rejects.toMatchObject({
      reason: 'unknown_key',
    });
  });

  it('verifies its own tokens without any network, returning sub, username and expiry', async () => {
    const { accessToken } = issuer.issueAccessToken(user);
    const identity = await issuer.verifier().verify(accessToken);
    expect(identity).toEqual({ sub: user.sub, username: 'mira', expiresAt: decodePart(accessToken, 1).exp });
  });

  it('serves its key set under the issuer URL', () => {
    expect(issuer.jwksUri).toBe('http://127.0.0.1:3000/local/.well-known/jwks.json');
  });
});
