import { beforeAll, describe, expect, it } from 'vitest';
import { type UnauthenticatedReason, UnauthenticatedError } from '../domain/errors.js';
import type { TokenVerifier } from '../ports/token-verifier.js';

export interface TokenVerifierHarness {
  readonly verifier: TokenVerifier;
  /** A token the verifier must accept for `sub`. */
  validToken(sub: string): Promise<string>;
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
