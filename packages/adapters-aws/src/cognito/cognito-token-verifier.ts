import { UnauthenticatedError, type TokenVerifier, type VerifiedIdentity } from '@cruddur/core';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { HttpJwksFetcher } from './http-jwks-fetcher.js';
import { type JwksInput, toJwks } from './jwks-input.js';
import { checkTokenLifetime } from './token-lifetime.js';
import { rejectForeignToken } from './unverified-claims.js';
import { translateVerificationFailure } from './verification-failure.js';

export interface UserPoolVerifierOptions {
  /** `AWS_COGNITO_USER_POOL_ID`, e.g. `us-east-1_AbC123`. */
  readonly userPoolId: string;
  /** `AWS_COGNITO_USER_POOL_CLIENT_ID`: only access tokens issued to this app client are accepted. */
  readonly clientId: string;
  /** The pool's key set, if already known: the first request then needs no download. */
  readonly jwks?: JwksInput;
}

export interface IssuerVerifierOptions {
  /** Expected `iss`, e.g. cognito-local's `http://127.0.0.1:9229/local_abc`. */
  readonly issuer: string;
  /** Where the key set is served; http: is allowed, unlike aws-jwt-verify's default. */
  readonly jwksUri: string;
  readonly clientId: string;
  readonly jwks?: JwksInput;
  /** Limit for one key-set download before the IdP counts as unavailable. Default 3000 ms. */
  readonly jwksTimeoutMs?: number;
  /** Replaces the HTTP download, e.g. the embedded issuer answers from memory. */
  readonly fetcher?: Fetcher;
}

type VerifyJwt = (token: string) => Promise<JwtPayload>;

/**
 * Checks Cognito access tokens with aws-jwt-verify: RS256 signature against the pool's JWKS
 * (cached; downloaded again only for an unknown `kid`), `exp`, `nbf`, `iss`, `token_use=access`,
 * `client_id`, then `iat` not in the future and a lifetime of at most 24 h. Every rejection is an UnauthenticatedError with its reason; an unreachable IdP is a
 * DependencyUnavailableError.
 */
export class CognitoTokenVerifier implements TokenVerifier {
  private constructor(
    private readonly verifyJwt: VerifyJwt,
    private readonly acceptedIssuers: readonly string[],
  ) {}

  /** Real Cognito user pools. */
  static forUserPool(options: UserPoolVerifierOptions): CognitoTokenVerifier {
    const verifier = CognitoJwtVerifier.create({
      userPoolId: options.userPoolId,
      tokenUse: 'access',
      clientId: options.clientId,
    });
    if (options.jwks) verifier.cacheJwks(toJwks(options.jwks));
    // Cognito may sign with its regional or its newer global issuer name; aws-jwt-verify accepts both.
    const issuers = [
      CognitoJwtVerifier.parseUserPoolId(options.userPoolId).issuer,
      CognitoJwtVerifier.parseUserPoolId(options.userPoolId, 'https://issuer-cognito-idp').issuer,
    ];
    return new CognitoTokenVerifier((token) => verifier.verify(token), issuers);
  }

  /** Any issuer of Cognito-shaped access tokens: cognito-local, the embedded LocalTokenIssuer. */
  static forIssuer(options: IssuerVerifierOptions): CognitoTokenVerifier {
    const fetcher = options.fetcher ?? new HttpJwksFetcher(options.jwksTimeoutMs);
    const verifier = JwtVerifier.create(
      {
        issuer: options.issuer,
        jwksUri: options.jwksUri,
        audience: null, // access tokens carry no `aud`; the client is checked through `client_id` below
        // JwtVerifier knows nothing of Cognito claims, so run the very check CognitoJwtVerifier runs.
        customJwtCheck: ({ payload }) =>
          validateCognitoJwtFields(payload, { tokenUse: 'access', clientId: options.clientId }),
      },
      { jwksCache: new SimpleJwksCache({ fetcher }) },
    );
    if (options.jwks) verifier.cacheJwks(toJwks(options.jwks));
    return new CognitoTokenVerifier((token) => verifier.verify(token), [options.issuer]);
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    let payload: JwtPayload;
    try {
      rejectForeignToken(token, this.acceptedIssuers);
      payload = await this.verifyJwt(token);
    } catch (error) {
      throw translateVerificationFailure(error);
    }
    // aws-jwt-verify skips the expiry check when `exp` is absent; checkTokenLifetime refuses that.
    // A token without a subject names nobody.
    const { expiresAt } = checkTokenLifetime(payload, Math.floor(Date.now() / 1000));
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new UnauthenticatedError('malformed');
    return {
      sub: payload.sub,
      username: typeof payload.username === 'string' ? payload.username : null,
      expiresAt,
    };
  }
}
