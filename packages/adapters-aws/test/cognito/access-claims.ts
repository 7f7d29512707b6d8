import { randomUUID } from 'node:crypto';
import type { LocalTokenIssuer } from '../../src/cognito/index.js';

export function kidOf(issuer: LocalTokenIssuer): string {
  const kid = issuer.jwks().keys[0]?.kid;
  if (typeof kid !== 'string') throw new Error('the local issuer publishes no kid');
  return kid;
}

/** Valid Cognito access-token claims for `issuer`, with `overrides` applied (undefined removes a claim). */
export function accessClaims(
  issuer: LocalTokenIssuer,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const claims = { ...issuer.accessClaims({ sub: randomUUID(), username: 'mira' }), ...overrides };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return claims;
}

/** An unsigned token: `alg: none`, with or without something in the signature slot. */
export function unsignedToken(claims: Record<string, unknown>, signature = ''): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.${signature}`;
}

/** `token` with its payload swapped for `claims`, keeping the original header and signature. */
export function withPayload(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}
