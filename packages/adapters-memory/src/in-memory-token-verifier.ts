import { randomBytes } from 'node:crypto';
import {
  type Clock,
  epochMicrosOf,
  SystemClock,
  type TokenVerifier,
  UnauthenticatedError,
  type VerifiedIdentity,
} from '@cruddur/core';

export interface IssueTokenOptions {
  /** Lifetime from the clock's now; 0 or less issues an already expired token. Default 3600. */
  readonly expiresInSeconds?: number;
  readonly username?: string | null;
}

export interface InMemoryTokenVerifierOptions {
  /** Decides expiry; a FixedClock lets a test move past a token's lifetime. */
  readonly clock?: Clock;
}

const PREFIX = 'memtok.';
/** 24 random bytes in base64url: too many to guess, which stands in for a signature. */
const TOKEN_SHAPE = /^memtok\.[A-Za-z0-9_-]{32}$/;

/**
 * Issues opaque tokens and verifies only those it issued. The failure reasons follow the
 * JWT verifier's: not token-shaped → `malformed`, token-shaped but never issued →
 * `bad_signature` (a forgery), past its lifetime → `expired`.
 */
export class InMemoryTokenVerifier implements TokenVerifier {
  readonly #clock: Clock;
  readonly #grants = new Map<string, { identity: VerifiedIdentity; expiresAtMicros: bigint }>();

  constructor({ clock = new SystemClock() }: InMemoryTokenVerifierOptions = {}) {
    this.#clock = clock;
  }

  issue(sub: string, { expiresInSeconds = 3600, username = null }: IssueTokenOptions = {}): string {
    if (sub.length === 0) throw new RangeError('A token needs a subject.');
    if (!Number.isFinite(expiresInSeconds)) throw new RangeError('expiresInSeconds must be finite.');
    const token = `${PREFIX}${randomBytes(24).toString('base64url')}`;
    const expiresAtMicros = this.#nowMicros() + BigInt(Math.round(expiresInSeconds * 1_000_000));
    // Whole seconds like a JWT `exp`, rounded down so no cache keeps the identity past the grant.
    const expiresAt = Number(expiresAtMicros / 1_000_000n);
    this.#grants.set(token, { identity: Object.freeze({ sub, username, expiresAt }), expiresAtMicros });
    return token;
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    if (!TOKEN_SHAPE.test(token)) throw new UnauthenticatedError('malformed');
    const grant = this.#grants.get(token);
    if (!grant) throw new UnauthenticatedError('bad_signature');
    if (this.#nowMicros() >= grant.expiresAtMicros) throw new UnauthenticatedError('expired');
    return grant.identity;
  }

  #nowMicros(): bigint {
    return epochMicrosOf(this.#clock.now());
  }
}
