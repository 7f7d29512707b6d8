import { generateKeyPairSync } from 'node:crypto';
import { CachingTokenVerifier } from '@cruddur/adapters-aws/cognito';
import type { TokenVerifier } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import type { BackendConfig } from '../../src/config.js';
import { openTokens, withTokenCache } from '../../src/tokens.js';

const aws: BackendConfig = {
  kind: 'aws',
  region: 'us-east-1',
  dynamoEndpoint: undefined,
  tableName: 'cruddur-messages',
  connectionUrl: 'postgres://localhost/cruddur',
  tokens: { kind: 'user-pool', userPoolId: 'us-east-1_Cruddur1', clientId: '4kq0jt5c8v1mq2example' },
};

describe('the host token verifier', () => {
  it.each<[string, BackendConfig]>([
    ['a Cognito user pool', aws],
    [
      'any issuer',
      {
        ...aws,
        tokens: {
          kind: 'issuer',
          issuer: 'http://127.0.0.1:9229/local_pool',
          jwksUrl: 'http://127.0.0.1:9229/local_pool/.well-known/jwks.json',
          clientId: 'web',
        },
      },
    ],
    ['the embedded issuer', { kind: 'memory' }],
  ])('remembers verified tokens for %s', async (_name, backend) => {
    const { verifier } = await openTokens({ port: 0, host: '127.0.0.1', backend });
    expect(verifier).toBeInstanceOf(CachingTokenVerifier);
  });

  it('checks a token once, then answers it from memory', async () => {
    let calls = 0;
    const inner: TokenVerifier = {
      verify: async (token) => {
        calls += 1;
        return { sub: token, username: null, expiresAt: Date.now() / 1000 + 3600 };
      },
    };
    const verifier = withTokenCache(inner);
    await verifier.verify('a-token');
    expect(await verifier.verify('a-token')).toMatchObject({ sub: 'a-token' });
    expect(calls).toBe(1);
  });

  it('issues dev tokens the cached verifier accepts', async () => {
    const { verifier, devIssuer } = await openTokens({
      port: 0,
      host: '127.0.0.1',
      backend: { kind: 'memory' },
    });
    const token = devIssuer?.issueAccessToken({ sub: 'sub-mira', username: 'mira' }).accessToken ?? '';
    expect((await verifier.verify(token)).sub).toBe('sub-mira');
  });

  it('keeps accepting dev tokens across a restart when the issuer key is configured', async () => {
    const devIssuerKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const config = { port: 4567, host: '127.0.0.1', backend: { kind: 'memory' }, devIssuerKey } as const;
    const before = await openTokens(config);
    const token = before.devIssuer?.issueAccessToken({ sub: 'sub-mira', username: 'mira' }).accessToken ?? '';
    const after = await openTokens(config);
    expect((await after.verifier.verify(token)).sub).toBe('sub-mira');
    // Without the key each start has a fresh one, and the old token names a key nobody has.
    const fresh = await openTokens({ port: 4567, host: '127.0.0.1', backend: { kind: 'memory' } });
    await expect(fresh.verifier.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
