import { CachingTokenVerifier, CognitoTokenVerifier, LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { TokenVerifier } from '@cruddur/core';
import type { HostConfig } from './config.js';

/**
 * The host's cache of verified tokens. Clients send the same access token on every request until
 * it expires (an hour for Cognito), and its RS256 check costs more than the rest of a read.
 * 10 000 entries cover the active users of one instance; 5 minutes bounds how long a token signed
 * with a key the pool has since withdrawn stays accepted. Exported so the bench wires it as we do.
 */
export function withTokenCache(verifier: TokenVerifier): TokenVerifier {
  return new CachingTokenVerifier(verifier, { maxEntries: 10_000, maxTtlMs: 5 * 60_000 });
}

/**
 * Real user pools, or any issuer named by COGNITO_ISSUER + COGNITO_JWKS_URL (cognito-local, a shared
 * LocalTokenIssuer), verify Cognito-shaped tokens; embedded and memory mode run a local RS256 issuer
 * whose tokens go through the same aws-jwt-verify path. The dev issuer never exists in aws mode.
 */
export async function openTokens(
  config: HostConfig,
): Promise<{ verifier: TokenVerifier; devIssuer: LocalTokenIssuer | null }> {
  const { backend } = config;
  if (backend.kind === 'aws') {
    const source = backend.tokens;
    const verifier =
      source.kind === 'user-pool'
        ? CognitoTokenVerifier.forUserPool({ userPoolId: source.userPoolId, clientId: source.clientId })
        : CognitoTokenVerifier.forIssuer({
            issuer: source.issuer,
            jwksUri: source.jwksUrl,
            clientId: source.clientId,
          });
    return { verifier: withTokenCache(verifier), devIssuer: null };
  }
  const devIssuer = await LocalTokenIssuer.create({
    issuer: `http://localhost:${config.port}/local-cognito`,
    ...(config.devIssuerKey === undefined ? {} : { key: config.devIssuerKey }),
  });
  return { verifier: withTokenCache(devIssuer.verifier()), devIssuer };
}
