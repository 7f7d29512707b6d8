import { DependencyUnavailableError, UnauthenticatedError } from '@cruddur/core';
import { JwtExpiredError, NonRetryableFetchError, ParameterValidationError } from 'aws-jwt-verify/error';
import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoTokenVerifier, LocalTokenIssuer } from '../../src/cognito/index.js';
import { translateVerificationFailure } from '../../src/cognito/verification-failure.js';

describe('translating aws-jwt-verify failures', () => {
  it('keeps the original error as the cause of the domain error', () => {
    const expired = new JwtExpiredError('Token expired', 0);
    const translated = translateVerificationFailure(expired);
    expect(translated).toBeInstanceOf(UnauthenticatedError);
    expect(translated).toMatchObject({ reason: 'expired', cause: expired });
  });

  it('treats an error status from the JWKS endpoint as Cognito being unavailable', () => {
    const failure = new NonRetryableFetchError('https://idp/jwks.json', 'Status code is 500, expected 200');
    expect(translateVerificationFailure(failure)).toBeInstanceOf(DependencyUnavailableError);
  });

  it('does not disguise our own misconfiguration or a bug as a bad token', () => {
    const misconfigured = new ParameterValidationError('clientId must be provided or set to null explicitly');
    const bug = new TypeError('Cannot read properties of undefined');
    expect(translateVerificationFailure(misconfigured)).toBe(misconfigured);
    expect(translateVerificationFailure(bug)).toBe(bug);
  });
});

describe('CognitoTokenVerifier with a broken key fetcher', () => {
  let issuer: LocalTokenIssuer;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/pool' });
  });

  it('lets the bug surface as itself instead of answering 401', async () => {
    const verifier = CognitoTokenVerifier.forIssuer({
      issuer: issuer.issuer,
      jwksUri: issuer.jwksUri,
      clientId: issuer.clientId,
      fetcher: {
        fetch: async () => {
          throw new TypeError('fetcher bug');
        },
      },
    });
    const token = issuer.issueAccessToken({ sub: 'a', username: 'mira' }).accessToken;
    await expect(verifier.verify(token)).rejects.toThrow(TypeError);
  });
});
