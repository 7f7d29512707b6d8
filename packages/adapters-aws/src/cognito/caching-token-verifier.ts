import { LruTtlCache, type TokenVerifier, type VerifiedIdentity } from '@cruddur/core';

export interface CachingTokenVerifierOptions {
  /** Verified tokens remembered at most; the least recently used go first. */
  readonly maxEntries: number;
  /**
   * Longest a verified token is served from memory, even when its `exp` is later. Default 5 min.
   * It bounds how long a token signed with a key the issuer has since withdrawn stays accepted.
   */
  readonly maxTtlMs?: number;
  /** Epoch milliseconds; injectable for tests. Must be the clock `expiresAt` is measured against. */
  readonly now?: () => number;
}

export const DEFAULT_MAX_TOKEN_TTL_MS = 5 * 60_000;

/**
 * Remembers successful verifications of any `TokenVerifier`, so a client sending the same bearer
 * token on every request pays the RS256 signature check once, not once per request. An entry
 * lives until `min(identity.expiresAt, now + maxTtlMs)` and its expiry is checked on every hit,
 * so an expired token is never accepted from the cache.
 *
 * Failures are never cached. A rejected token costs a full verification every time: no worse
 * than without the cache, and many rejections are cheap anyway (CognitoTokenVerifier refuses
 * unparsable tokens and a foreign issuer or algorithm before any signature check). Caching them
 * would not slow an attacker, who can vary the token for free, but would let them flush valid
 * entries out of the LRU; and a DependencyUnavailableError (JWKS unreachable) must be retried.
 *
 * Memory: keys are the tokens themselves (about 1 KB for Cognito); only tokens that passed the
 * signature check get in, so 10 000 entries stay in the tens of megabytes at worst.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly cache: LruTtlCache<string, VerifiedIdentity>;
  private readonly maxTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: TokenVerifier,
    options: CachingTokenVerifierOptions,
  ) {
    const maxTtlMs = options.maxTtlMs ?? DEFAULT_MAX_TOKEN_TTL_MS;
    if (!(maxTtlMs > 0)) throw new RangeError(`maxTtlMs must be positive, got ${maxTtlMs}.`);
    this.now = options.now ?? Date.now;
    this.cache = new LruTtlCache(options.maxEntries, this.now);
    this.maxTtlMs = maxTtlMs;
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const identity = await this.inner.verify(token);
    const ttlMs = Math.min(identity.expiresAt * 1000 - this.now(), this.maxTtlMs);
    // Also false for NaN: an identity without a usable expiry is returned but never remembered.
    if (ttlMs > 0) this.cache.set(token, identity, ttlMs);
    return identity;
  }
}
