import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { SIGNING_ALGORITHM } from './unverified-claims.js';

/** An RSA private key as PEM (PKCS#8 or PKCS#1) text, as JWK JSON text, or as a parsed JWK. */
export type IssuerKeyInput = string | JsonWebKey;

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The public half as published in the JWKS, with `kid`, `alg` and `use`. */
  readonly publicJwk: JsonWebKey;
  readonly kid: string;
}

const MIN_MODULUS_BITS = 2048;

/**
 * Reads a given issuer key. The `kid` is the JWK's own, else its RFC 7638 thumbprint, so every
 * process holding the same key publishes and signs with the same `kid`: tokens one host (or a
 * test) issues verify on another, and across restarts.
 */
export function toSigningKey(input: IssuerKeyInput): SigningKey {
  const jwk = typeof input === 'string' && input.trim().startsWith('{') ? parseJson(input) : input;
  let privateKey: KeyObject;
  try {
    privateKey =
      typeof jwk === 'string' ? createPrivateKey(jwk) : createPrivateKey({ key: jwk, format: 'jwk' });
  } catch (error) {
    throw new TypeError('The issuer key is not a private key (expected RSA, as PEM or JWK).', {
      cause: error,
    });
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (privateKey.asymmetricKeyType !== 'rsa' || bits < MIN_MODULUS_BITS) {
    throw new TypeError(`The issuer key must be an RSA key of at least ${MIN_MODULUS_BITS} bits (RS256).`);
  }
  return withPublicJwk(
    privateKey,
    typeof jwk === 'object' && typeof jwk.kid === 'string' ? jwk.kid : undefined,
  );
}

export function withPublicJwk(privateKey: KeyObject, kid?: string): SigningKey {
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' });
  // RFC 7638: the required members in lexicographic order, no spaces.
  const { e, kty, n } = publicKey;
  const keyId = kid ?? createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
  return {
    privateKey,
    kid: keyId,
    publicJwk: { ...publicKey, kid: keyId, alg: SIGNING_ALGORITHM, use: 'sig' },
  };
}

function parseJson(text: string): JsonWebKey {
  try {
    return JSON.parse(text) as JsonWebKey;
  } catch (error) {
    throw new TypeError('The issuer key looks like a JWK but is not valid JSON.', { cause: error });
  }
}
