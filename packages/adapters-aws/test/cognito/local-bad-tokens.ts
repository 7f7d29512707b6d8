import type { UnauthenticatedReason } from '@cruddur/core';
import { LocalTokenIssuer } from '../../src/cognito/index.js';
import { accessClaims, unsignedToken, withPayload } from './access-claims.js';

export interface BadToken {
  readonly name: string;
  readonly token: string;
  readonly reason: UnauthenticatedReason;
}

/**
 * Every kind of bad token we can mint with the issuer's own key (and an impostor's).
 * `withUnknownKey: false` leaves out the unknown kid, whose lookup goes to the network.
 */
export async function badTokensFor(
  issuer: LocalTokenIssuer,
  options: { withUnknownKey?: boolean } = {},
): Promise<BadToken[]> {
  const now = Math.floor(Date.now() / 1000);
  const header = issuer.signingHeader();
  const signed = (overrides: Record<string, unknown>) => issuer.sign(header, accessClaims(issuer, overrides));
  // Same issuer name, same kid, different private key: only the signature can tell.
  const impostor = await LocalTokenIssuer.create({ issuer: issuer.issuer, clientId: issuer.clientId });
  const valid = signed({});

  const bad: BadToken[] = [
    { name: 'expired', token: signed({ iat: now - 7200, exp: now - 3600 }), reason: 'expired' },
    { name: 'not yet valid', token: signed({ nbf: now + 3600 }), reason: 'not_yet_valid' },
    {
      // Well past the minute of allowed skew, so a slow run cannot bring it back within it.
      name: 'issued 2 min in the future',
      token: signed({ iat: now + 120, exp: now + 3720 }),
      reason: 'issued_in_future',
    },
    {
      name: 'lives 24 h and 1 s',
      token: signed({ iat: now, exp: now + 86_401 }),
      reason: 'lifetime_too_long',
    },
    {
      name: 'expires in ten years',
      token: signed({ iat: now, exp: now + 10 * 365 * 86_400 }),
      reason: 'lifetime_too_long',
    },
    { name: 'no iat', token: signed({ iat: undefined }), reason: 'malformed' },
    {
      name: 'signed by another key',
      token: impostor.sign(header, accessClaims(issuer)),
      reason: 'bad_signature',
    },
    {
      name: 'payload tampered',
      token: withPayload(valid, accessClaims(issuer, { sub: 'someone-else' })),
      reason: 'bad_signature',
    },
    {
      name: 'wrong issuer',
      token: signed({ iss: 'https://issuer.example.com/other' }),
      reason: 'wrong_issuer',
    },
    { name: 'no issuer', token: signed({ iss: undefined }), reason: 'wrong_issuer' },
    { name: 'wrong client', token: signed({ client_id: 'another-app-client' }), reason: 'wrong_client' },
    {
      name: 'id token',
      token: signed({ token_use: 'id', aud: issuer.clientId, client_id: undefined }),
      reason: 'wrong_token_use',
    },
    { name: 'alg none', token: unsignedToken(accessClaims(issuer)), reason: 'unsupported_algorithm' },
    {
      name: 'alg none with a signature',
      token: unsignedToken(accessClaims(issuer), 'c2ln'),
      reason: 'unsupported_algorithm',
    },
    {
      name: 'HS256',
      token: issuer.sign({ ...header, alg: 'HS256' }, accessClaims(issuer)),
      reason: 'unsupported_algorithm',
    },
    {
      name: 'no kid',
      token: issuer.sign({ alg: 'RS256', typ: 'JWT' }, accessClaims(issuer)),
      reason: 'malformed',
    },
    { name: 'no subject', token: signed({ sub: undefined }), reason: 'malformed' },
    { name: 'no expiry', token: signed({ exp: undefined }), reason: 'malformed' },
    { name: 'exp not a number', token: signed({ exp: 'tomorrow' }), reason: 'malformed' },
  ];
  if (options.withUnknownKey !== false) {
    bad.push({
      name: 'unknown kid',
      token: issuer.sign({ ...header, kid: 'retired-key' }, accessClaims(issuer)),
      reason: 'unknown_key',
    });
  }
  return bad;
}
