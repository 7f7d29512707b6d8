import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { User } from '@cruddur/core';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims of a good Cognito access token for `user`, as the issuer would write them. */
const accessClaims = (issuer: LocalTokenIssuer, user: User): Record<string, unknown> =>
  issuer.accessClaims({ sub: String(user.cognitoUserId), username: user.handle });

/** Every kind of token design §12 says must be a 401, never a 500, by name. */
export async function badTokens(issuer: LocalTokenIssuer, user: User): Promise<Record<string, string>> {
  const header = issuer.signingHeader();
  const { kid } = header;
  const claims = accessClaims(issuer, user);
  const now = Math.floor(Date.now() / 1000);
  const good = issuer.issueAccessToken({
    sub: String(user.cognitoUserId),
    username: user.handle,
  }).accessToken;
  const [goodHeader, goodPayload, goodSignature = ''] = good.split('.');
  const impostor = await LocalTokenIssuer.create({ issuer: issuer.issuer, clientId: issuer.clientId });
  const flipped = `${goodSignature.slice(0, 10)}${goodSignature[10] === 'A' ? 'B' : 'A'}${goodSignature.slice(11)}`;
  return {
    garbage: 'not-a-jwt',
    'three garbage segments': 'a.b.c',
    'a truncated token': good.slice(0, good.length - 20),
    'a tampered payload': `${goodHeader}.${b64url({ ...claims, sub: 'sub-someone-else' })}.${goodSignature}`,
    'a flipped signature bit': `${goodHeader}.${goodPayload}.${flipped}`,
    'a signature by another key under our kid': impostor.sign(header, claims),
    'an unknown kid': impostor.sign({ alg: 'RS256', kid: 'no-such-key', typ: 'JWT' }, claims),
    'an expired token': issuer.sign(header, { ...claims, iat: now - 7200, exp: now - 3600 }),
    'a token not valid yet': issuer.sign(header, { ...claims, nbf: now + 3600 }),
    'a wrong issuer': issuer.sign(header, { ...claims, iss: 'https://evil.example/issuer' }),
    'a wrong client id': issuer.sign(header, { ...claims, client_id: 'someone-elses-client' }),
    'an id token': issuer.sign(header, {
      ...claims,
      token_use: 'id',
      aud: issuer.clientId,
      client_id: undefined,
    }),
    'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`,
    'alg none with a kid': `${b64url({ alg: 'none', kid, typ: 'JWT' })}.${b64url(claims)}.`,
    'HS256 (algorithm confusion)': `${b64url({ alg: 'HS256', kid, typ: 'JWT' })}.${b64url(claims)}.${goodSignature}`,
    'a token without sub': issuer.sign(header, { ...claims, sub: undefined }),
  };
}
