import { runTokenVerifierContract } from '@cruddur/core/testing';
import { LocalTokenIssuer } from '../../src/cognito/index.js';
import { badTokensFor } from './local-bad-tokens.js';

runTokenVerifierContract('CognitoTokenVerifier.forIssuer on LocalTokenIssuer tokens', async () => {
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1:3000/local' });
  return {
    verifier: issuer.verifier(),
    validToken: async (sub) => issuer.issueAccessToken({ sub, username: 'mira' }).accessToken,
    validTokenLifetimeSeconds: 3600,
    badTokens: () => badTokensFor(issuer),
  };
});
