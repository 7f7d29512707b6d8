import type { JsonWebKey } from 'node:crypto';
import { assertIsJwks, type Jwks } from 'aws-jwt-verify/jwk';
import type { Json } from 'aws-jwt-verify/safe-json-parse';

/** A key set as served on `/.well-known/jwks.json`, or as `LocalTokenIssuer.jwks()` returns it. */
export interface JwksInput {
  readonly keys: readonly JsonWebKey[];
}

/** Validates a key set given in configuration, so a bad one fails at start, not on the first request. */
export function toJwks(input: JwksInput): Jwks {
  // The JSON round trip keeps exactly what a served key set could carry (aws-jwt-verify's Json type).
  const json: Json = JSON.parse(JSON.stringify(input));
  assertIsJwks(json);
  return json;
}
