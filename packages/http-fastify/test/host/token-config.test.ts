import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const services = {
  CRUDDUR_BACKEND: 'aws',
  AWS_REGION: 'us-east-1',
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
  CONNECTION_URL: 'postgresql://postgres:password@127.0.0.1:5432/cruddur',
  AWS_COGNITO_USER_POOL_CLIENT_ID: 'web-client',
};
const local = {
  COGNITO_ISSUER: 'http://127.0.0.1:9229/local_pool',
  COGNITO_JWKS_URL: 'http://127.0.0.1:9229/local_pool/.well-known/jwks.json',
};
const problemsOf = (env: Record<string, string>) => {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
};

describe('token issuer configuration', () => {
  it('verifies tokens of any issuer given COGNITO_ISSUER + COGNITO_JWKS_URL, no user pool needed', () => {
    expect(loadConfig({ ...services, ...local })).toMatchObject({
      ok: true,
      config: {
        backend: {
          kind: 'aws',
          tokens: {
            kind: 'issuer',
            ...{ issuer: local.COGNITO_ISSUER },
            jwksUrl: local.COGNITO_JWKS_URL,
            clientId: 'web-client',
          },
        },
      },
    });
  });

  it('takes COGNITO_ISSUER alone as a request for real services, and says what is missing', () => {
    expect(problemsOf({ COGNITO_ISSUER: local.COGNITO_ISSUER })).toEqual([
      'AWS_REGION (or AWS_DEFAULT_REGION): required when running against real services.',
      'CONNECTION_URL: required when running against real services (it is not set).',
      'COGNITO_JWKS_URL: required with COGNITO_ISSUER (where its key set is served).',
      'AWS_COGNITO_USER_POOL_CLIENT_ID: required when running against real services (it is not set).',
    ]);
  });

  it('gives one line per bad value', () => {
    expect(
      problemsOf({
        ...services,
        AWS_COGNITO_USER_POOL_ID: 'us-east-1_AbCd1234',
        COGNITO_ISSUER: 'cognito-local',
        COGNITO_JWKS_URL: 'http://idp.example.com/jwks.json',
      }),
    ).toEqual([
      'AWS_COGNITO_USER_POOL_ID: set it or COGNITO_ISSUER + COGNITO_JWKS_URL, not both.',
      'COGNITO_ISSUER: "cognito-local" is not an http(s) URL.',
      'COGNITO_JWKS_URL: "http://idp.example.com/jwks.json" must be https (plain http only on 127.0.0.1, localhost or [::1]).',
    ]);
    expect(
      problemsOf({
        ...services,
        COGNITO_ISSUER: 'https://idp.example.com',
        COGNITO_JWKS_URL: 'ftp://x/jwks',
      }),
    ).toEqual(['COGNITO_JWKS_URL: "ftp://x/jwks" is not an http(s) URL.']);
  });

  it('accepts https key sets anywhere and http ones on loopback', () => {
    for (const url of [
      'https://idp.example.com/jwks.json',
      'http://localhost:9229/p/jwks.json',
      'http://[::1]:9229/jwks',
    ]) {
      expect(
        problemsOf({ ...services, COGNITO_ISSUER: 'https://idp.example.com', COGNITO_JWKS_URL: url }),
        url,
      ).toEqual([]);
    }
  });
});

describe('dev issuer key', () => {
  it('reads CRUDDUR_DEV_ISSUER_KEY_FILE at start and refuses an unreadable or unusable file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'issuer-key-'));
    const good = join(dir, 'issuer.pem');
    await writeFile(
      good,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    const bad = join(dir, 'bad.pem');
    await writeFile(bad, 'hello');
    expect(loadConfig({ CRUDDUR_DEV_ISSUER_KEY_FILE: good })).toMatchObject({
      ok: true,
      config: { devIssuerKey: expect.stringContaining('PRIVATE KEY') },
    });
    expect(problemsOf({ CRUDDUR_DEV_ISSUER_KEY_FILE: join(dir, 'missing.pem') })).toEqual([
      `CRUDDUR_DEV_ISSUER_KEY_FILE: cannot read "${join(dir, 'missing.pem')}" (ENOENT).`,
    ]);
    expect(problemsOf({ CRUDDUR_DEV_ISSUER_KEY_FILE: bad })).toEqual([
      `CRUDDUR_DEV_ISSUER_KEY_FILE: "${bad}": The issuer key is not a private key (expected RSA, as PEM or JWK).`,
    ]);
    expect(problemsOf({ ...services, ...local, CRUDDUR_DEV_ISSUER_KEY_FILE: good })).toEqual([
      'CRUDDUR_DEV_ISSUER_KEY_FILE: there is no dev issuer against real services; unset it.',
    ]);
  });
});
