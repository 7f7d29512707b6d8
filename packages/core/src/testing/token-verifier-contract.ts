import { beforeAll, describe, expect, it } from 'vitest';
import { type UnauthenticatedReason, UnauthenticatedError } from '../domain/errors.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

export interface TokenVerifierHarness {
  readonly verifier: TokenVerifier;
  /** A token the verifier must accept for `sub`. */
  validToken(sub: string): Promise<string>;
  /** How long a `validToken` lives, in seconds: the suite checks `expiresAt` against it. */
  readonly validTokenLifetimeSeconds: number;
  /** The verifier's clock in epoch milliseconds, if not the system's (e.g. a FixedClock). */
  readonly now?: () => number;
  /** Tokens the verifier must reject, with the reason it must give. */
  badTokens(): Promise<ReadonlyArray<{ name: string; token: string; reason: UnauthenticatedReason }>>;
}

/** Run by every `TokenVerifier` adapter. */
export function runTokenVerifierContract(name: string, setup: () => Promise<TokenVerifierHarness>): void {
  describe(`TokenVerifier contract: ${name}`, () => {
    let harness: TokenVerifierHarness;

    beforeAll(async () => {
      harness = await setup();
    });

    it('accepts a valid token and returns its subject', async () => {
      const sub = '1f6b0c9e-55a3-4a5e-9d1c-2d3f4a5b6c7d';
      const identity = await harness.verifier.verify(await harness.validToken(sub));
      expect(identity.sub).toBe(sub);
    });

    it('reports when the token expires, as whole epoch seconds', async () => {
      const now = harness.now ?? Date.now;
      const issuedFrom = Math.floor(now() / 1000);
      const token = await harness.validToken('4b1d2e8f-0c3a-4e5b-8d6f-7a8b9c0d1e2f');
      const issuedBy = Math.ceil(now() / 1000);
      const { expiresAt } = await harness.verifier.verify(token);
      expect(Number.isInteger(expiresAt)).toBe(true);
      // A cache keeps identities until expiresAt: later than the token's exp would accept it expired.
      expect(expiresAt).toBeGreaterThanOrEqual(issuedFrom + harness.validTokenLifetimeSeconds - 1);
      expect(expiresAt).toBeLessThanOrEqual(issuedBy + harness.validTokenLifetimeSeconds);
    });

    it('rejects garbage tokens', async () => {
      for (const token of ['', 'abc', 'a.b', 'a.b.c', '🙃.🙃.🙃']) {
        await expect(harness.verifier.verify(token)).rejects.toMatchObject({ code: 'unauthenticated' });
      }
    });

    it('rejects every bad token with its reason', async () => {
      const bad = await harness.badTokens();
      expect(bad.length).toBeGreaterThan(0);
      for (const { name: kind, token, reason } of bad) {
        const failure = await harness.verifier.verify(token).then(
          () => new Error(`${kind} was accepted`),
          (error: unknown) => error,
        );
        expect(failure, kind).toBeInstanceOf(UnauthenticatedError);
        expect((failure as UnauthenticatedError).reason, kind).toBe(reason);
      }
    });
  });
}
