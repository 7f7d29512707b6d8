import { generateKeyPair, type JsonWebKey, type KeyObject, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Fetcher } from 'aws-jwt-verify/https';
import { CognitoTokenVerifier } from './cognito-token-verifier.js';
import { type IssuerKeyInput, toSigningKey, withPublicJwk } from './issuer-key.js';
import { signRs256 } from './rs256.js';
import { SIGNING_ALGORITHM } from './unverified-claims.js';

export interface LocalTokenIssuerOptions {
  /** The `iss` of every token, e.g. the embedded host's base URL. */
  readonly issuer: string;
  readonly clientId?: string;
  /**
   * The RSA private key to sign with (PEM, JWK JSON, or a JWK). Given the same key, several
   * processes publish the same JWKS and accept each other's tokens; without one, a fresh
   * 2048-bit key per `create()`.
   */
  readonly key?: IssuerKeyInput;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  /** Seconds until the token expires, as Cognito's `ExpiresIn`. */
  readonly expiresIn: number;
}

const DEFAULT_CLIENT_ID = 'cruddur-local-client';
const DEFAULT_EXPIRY_SECONDS = 3600;

/**
 * A stand-in for a Cognito user pool in embedded mode: an RS256 key (given, or fresh per process), tokens
 * shaped like Cognito access tokens, so they go through the same aws-jwt-verify checks as real ones.
 * Never use it outside embedded mode and tests: it signs whatever it is asked to.
 */
export class LocalTokenIssuer {
  readonly jwksUri: string;

  private constructor(
    readonly issuer: string,
    readonly clientId: string,
    private readonly kid: string,
    private readonly privateKey: KeyObject,
    private readonly publicJwk: JsonWebKey,
  ) {
    this.jwksUri = `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  }

  static async create(options: LocalTokenIssuerOptions): Promise<LocalTokenIssuer> {
    const { kid, privateKey, publicJwk } =
      options.key === undefined
        ? withPublicJwk((await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })).privateKey)
        : toSigningKey(options.key);
    return new LocalTokenIssuer(
      options.issuer,
      options.clientId ?? DEFAULT_CLIENT_ID,
      kid,
      privateKey,
      publicJwk,
    );
  }

  jwks(): { keys: JsonWebKey[] } {
    return { keys: [{ ...this.publicJwk }] };
  }

  issueAccessToken(
    user: { sub: string; username: string },
    options: { expiresInSeconds?: number } = {},
  ): IssuedAccessToken {
    const expiresIn = options.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS;
    if (!Number.isInteger(expiresIn) || expiresIn <= 0) {
      throw new RangeError(`expiresInSeconds must be a positive integer, got ${expiresIn}`);
    }
    const accessToken = this.sign(this.signingHeader(), this.accessClaims(user, expiresIn));
    return { accessToken, expiresIn };
  }

  /** The JOSE header of this issuer's tokens (its real kid). */
  signingHeader(): Record<string, unknown> {
    return { alg: SIGNING_ALGORITHM, kid: this.kid, typ: 'JWT' };
  }

  /** The claims Cognito writes into an access token for `user`; tests alter them to craft bad tokens. */
  accessClaims(
    user: { sub: string; username: string },
    expiresInSeconds = DEFAULT_EXPIRY_SECONDS,
  ): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: user.sub,
      iss: this.issuer,
      client_id: this.clientId,
      origin_jti: randomUUID(),
      event_id: randomUUID(),
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: now,
      exp: now + expiresInSeconds,
      iat: now,
      jti: randomUUID(),
      username: user.username,
    };
  }

  /** Signs any header and payload with this issuer's key; tests use it to craft bad tokens. */
  sign(header: Record<string, unknown>, payload: Record<string, unknown>): string {
    return signRs256(header, payload, this.privateKey);
  }

  /** A verifier for this issuer's tokens that answers key lookups from memory: no network at all. */
  verifier(): CognitoTokenVerifier {
    const jwks = this.jwks();
    const fromMemory: Fetcher = {
      fetch: async () => new TextEncoder().encode(JSON.stringify(this.jwks())).buffer,
    };
    return CognitoTokenVerifier.forIssuer({
      issuer: this.issuer,
      jwksUri: this.jwksUri,
      clientId: this.clientId,
      jwks,
      fetcher: fromMemory,
    });
  }
}
