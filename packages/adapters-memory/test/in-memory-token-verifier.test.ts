import { epochMicrosOf, UnauthenticatedError } from '@cruddur/core';
import { runTokenVerifierContract } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { FixedClock, InMemoryTokenVerifier } from '../src/index.js';

const reasonOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UnauthenticatedError ? error.reason : error),
  );

runTokenVerifierContract('memory', async () => {
  const clock = new FixedClock();
  const verifier = new InMemoryTokenVerifier({ clock });
  return {
    verifier,
    validToken: async (sub) => verifier.issue(sub),
    validTokenLifetimeSeconds: 3600,
    now: () => Number(epochMicrosOf(clock.now()) / 1000n),
    badTokens: async () => [
      { name: 'empty', token: '', reason: 'malformed' },
      { name: 'garbage', token: 'not a token', reason: 'malformed' },
      { name: 'never issued', token: `memtok.${'A'.repeat(32)}`, reason: 'bad_signature' },
      { name: 'expired', token: verifier.issue('sub-1', { expiresInSeconds: 0 }), reason: 'expired' },
    ],
  };
});

describe('InMemoryTokenVerifier', () => {
  it('rejects every garbage token as malformed, not just as unauthenticated', async () => {
    const verifier = new InMemoryTokenVerifier();
    for (const token of ['', 'abc', 'a.b', 'a.b.c', '🙃.🙃.🙃', ` ${verifier.issue('sub-1')}`]) {
      expect(await reasonOf(verifier.verify(token)), token).toBe('malformed');
    }
  });

  it('accepts a token until its lifetime is over, then calls it expired', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const verifier = new InMemoryTokenVerifier({ clock });
    const token = verifier.issue('sub-1', { expiresInSeconds: 60, username: 'mira' });
    clock.advance({ seconds: 59, micros: 999_999 });
    const expiresAt = Date.parse('2026-01-01T00:01:00Z') / 1000;
    expect(await verifier.verify(token)).toEqual({ sub: 'sub-1', username: 'mira', expiresAt });
    clock.advance({ micros: 1 });
    expect(await reasonOf(verifier.verify(token))).toBe('expired');
  });

  it('reports the end of a fractional lifetime rounded down to whole seconds', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const verifier = new InMemoryTokenVerifier({ clock });
    const identity = await verifier.verify(verifier.issue('sub-1', { expiresInSeconds: 1.75 }));
    expect(identity.expiresAt).toBe(Date.parse('2026-01-01T00:00:01Z') / 1000);
  });

  it('refuses a token issued by another verifier, as a bad signature', async () => {
    const token = new InMemoryTokenVerifier().issue('sub-1');
    expect(await reasonOf(new InMemoryTokenVerifier().verify(token))).toBe('bad_signature');
  });

  it('issues a different token each time', () => {
    const verifier = new InMemoryTokenVerifier();
    expect(verifier.issue('sub-1')).not.toBe(verifier.issue('sub-1'));
  });

  it('refuses to issue a token without a subject', () => {
    expect(() => new InMemoryTokenVerifier().issue('')).toThrow(RangeError);
  });
});
