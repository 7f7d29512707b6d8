import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LocalTokenIssuer } from '../../src/cognito/index.js';

const rsa = (modulusLength: number) => generateKeyPairSync('rsa', { modulusLength }).privateKey;
const pem = rsa(2048).export({ format: 'pem', type: 'pkcs8' }).toString();
const issuerName = 'http://127.0.0.1:4567/local-cognito';

describe('LocalTokenIssuer with a given key', () => {
  it('lets two issuers holding one PEM key accept each other’s tokens, with one kid', async () => {
    const first = await LocalTokenIssuer.create({ issuer: issuerName, key: pem });
    const second = await LocalTokenIssuer.create({ issuer: issuerName, key: pem });
    expect(second.jwks()).toEqual(first.jwks());
    const { accessToken } = first.issueAccessToken({ sub: 'sub-mira', username: 'mira' });
    await expect(second.verifier().verify(accessToken)).resolves.toMatchObject({ sub: 'sub-mira' });
  });

  it('takes a JWK, as JSON text or as an object, and keeps its kid', async () => {
    const jwk = { ...rsa(2048).export({ format: 'jwk' }), kid: 'dev-key-1' };
    for (const key of [JSON.stringify(jwk), jwk]) {
      const issuer = await LocalTokenIssuer.create({ issuer: issuerName, key });
      expect(issuer.jwks().keys).toEqual([
        expect.objectContaining({ kid: 'dev-key-1', alg: 'RS256', use: 'sig' }),
      ]);
      expect(issuer.jwks().keys[0]).not.toHaveProperty('d'); // never publish the private part
      const { accessToken } = issuer.issueAccessToken({ sub: 'sub-1', username: 'mira' });
      await expect(issuer.verifier().verify(accessToken)).resolves.toMatchObject({ sub: 'sub-1' });
    }
  });

  it('refuses what it cannot sign RS256 with: garbage, a public key, EC, short RSA', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    const short = rsa(1024).export({ format: 'pem', type: 'pkcs8' });
    for (const key of ['not a key', '{"kty":', publicPem.toString(), ec.toString(), short.toString()]) {
      await expect(LocalTokenIssuer.create({ issuer: issuerName, key }), key.slice(0, 30)).rejects.toThrow(
        /issuer key/,
      );
    }
  });
});
