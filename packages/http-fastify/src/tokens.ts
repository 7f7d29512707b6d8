import { CognitoTokenVerifier, LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { TokenVerifier } from '@cruddur/core';
import type { HostConfig } from './config.js';

/**
 * Real user pools verify Cognito tokens; embedded and memory mode run a local RS256 issuer
 * whose tokens go through the same aws-jwt-verify path. The dev issuer never exists in aws mode.
 */
export async function openTokens(
  config: HostConfig,
): Promise<{ verifier: TokenVerifier; devIssuer: LocalTokenIssuer | null }> {
  const { backend } = config;
  if (backend.kind === 'aws') {
    const verifier = CognitoTokenVerifier.forUserPool({
      userPoolId: backend.userPoolId,
      clientId: backend.userPoolClientId,
    });
    return { verifier, devIssuer: null };
  }
  const devIssuer = await LocalTokenIssuer.create({ issuer: `http://localhost:${config.port}/local-cognito` });
  return { verifier: devIssuer.verifier(), devIssuer };
}
