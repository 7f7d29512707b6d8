import {
  DependencyUnavailableError,
  type TokenVerifier,
  UnauthenticatedError,
  type VerifiedIdentity,
} from '@cruddur/core';
import { runTokenVerifierContract } from '@cruddur/core/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CachingTokenVerifier,
  type CachingTokenVerifierOptions,
  LocalTokenIssuer,
} from '../../src/cognito/index.js';
import { accessClaims } from './access-claims.js';
import { badTokensFor } from './local-bad-tokens.js';

runTokenVerifierContract('CachingTokenVerifier around CognitoTokenVerifier on LocalTokenIssuer', async () => {
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1:3000/local' });
  return {
    verifier: new CachingTokenVerifier(issuer.verifier(), { maxEntries: 100 }),
    validToken: async (sub) => issuer.issueAccessToken({ sub, username: 'mira' }).accessToken,
    validTokenLifetimeSeconds: 3600,
    badTokens: () => badTokensFor(issuer),
  };
});

/** Passes every call to `inner` and counts them: a cache hit never gets here. */
class CountingVerifier implements TokenVerifier {
  calls = 0;

  constructor(private readonly inner: TokenVerifier) {}

  verify(token: string): Promise<VerifiedIdentity> {
    this.calls += 1;
    return this.inner.verify(token);
  }
}

/** The outcome of a verification: the identity's sub, or the reason or error it failed with. */
const outcomeOf = (promise: Promise<VerifiedIdentity>): Promise<unknown> =>
  promise.then(
    (identity) => identity.sub,
    (error: unknown) => (error instanceof UnauthenticatedError ? error.reason : error),
  );

describe('CachingTokenVerifier', () => {
  let issuer: LocalTokenIssuer;
  let inner: CountingVerifier;
  let clock: number;

  const tokenFor = (sub: string, expiresInSeconds = 3600) =>
    issuer.issueAccessToken({ sub, username: sub }, { expiresInSeconds }).accessToken;
  const caching = (options: Partial<CachingTokenVerifierOptions> = {}, verifier: TokenVerifier = inner) =>
    new CachingTokenVerifier(verifier, { maxEntries: 10, now: () => clock, ...options });

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1:3000/local' });
  });

  beforeEach(() => {
    inner = new CountingVerifier(issuer.verifier());
    clock = Date.now();
  });

  it('answers a token it has verified without verifying it again', async () => {
    const verifier = caching();
    const token = tokenFor('mira');
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toEqual(first);
    expect(first.sub).toBe('mira');
    expect(inner.calls).toBe(1);
  });

  it('does not serve a token from memory once its exp has come, however long maxTtlMs is', async () => {
    const verifier = caching({ maxTtlMs: 24 * 3_600_000 });
    const token = tokenFor('mira', 60);
    const { expiresAt } = await verifier.verify(token);
    clock = expiresAt * 1000 - 1;
    await verifier.verify(token);
    expect(inner.calls).toBe(1);
    clock = expiresAt * 1000;
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it('rejects an expired token it once accepted, when its inner verifier does', async () => {
    // An inner verifier on the same clock as the cache, so "expired" means the same to both.
    const expiresAt = 1_000;
    const onTheClock: TokenVerifier = {
      verify: async (token) => {
        if (clock >= expiresAt * 1000) throw new UnauthenticatedError('expired');
        return { sub: token, username: null, expiresAt };
      },
    };
    const verifier = caching({}, onTheClock);
    clock = expiresAt * 1000 - 10;
    expect(await outcomeOf(verifier.verify('mira'))).toBe('mira');
    clock = expiresAt * 1000;
    expect(await outcomeOf(verifier.verify('mira'))).toBe('expired');
  });

  it('keeps an entry no longer than maxTtlMs, even when the token lives longer', async () => {
    const verifier = caching({ maxTtlMs: 60_000 });
    const token = tokenFor('mira', 3600);
    await verifier.verify(token);
    clock += 59_999;
    await verifier.verify(token);
    expect(inner.calls).toBe(1);
    clock += 1;
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it('evicts the least recently used token at capacity', async () => {
    const verifier = caching({ maxEntries: 2 });
    const [a, b, c] = [tokenFor('a'), tokenFor('b'), tokenFor('c')];
    await verifier.verify(a);
    await verifier.verify(b);
    await verifier.verify(a); // a is now more recent than b
    await verifier.verify(c); // over capacity: b goes
    expect(inner.calls).toBe(3);
    await verifier.verify(a);
    await verifier.verify(c);
    expect(inner.calls).toBe(3);
    await verifier.verify(b);
    expect(inner.calls).toBe(4);
  });

  it('verifies a rejected token again every time', async () => {
    const verifier = caching();
    const expired = issuer.sign(issuer.signingHeader(), accessClaims(issuer, { iat: 1, exp: 2 }));
    expect(await outcomeOf(verifier.verify(expired))).toBe('expired');
    expect(await outcomeOf(verifier.verify(expired))).toBe('expired');
    expect(inner.calls).toBe(2);
  });

  it('accepts a token whose verification failed while the key set was unreachable, once it is back', async () => {
    let reachable = false;
    const flaky: TokenVerifier = {
      verify: async (token) => {
        if (!reachable) throw new DependencyUnavailableError('cognito', 1);
        return { sub: token, username: null, expiresAt: clock / 1000 + 60 };
      },
    };
    const verifier = caching({}, flaky);
    expect(await outcomeOf(verifier.verify('mira'))).toBeInstanceOf(DependencyUnavailableError);
    reachable = true;
    expect(await outcomeOf(verifier.verify('mira'))).toBe('mira');
  });

  it('refuses a size or maximum TTL that cannot work', () => {
    expect(() => caching({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => caching({ maxTtlMs: 0 })).toThrow(RangeError);
  });
});
