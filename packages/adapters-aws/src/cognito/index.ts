export {
  CachingTokenVerifier,
  type CachingTokenVerifierOptions,
  DEFAULT_MAX_TOKEN_TTL_MS,
} from './caching-token-verifier.js';
export {
  CognitoIdentityProviderDirectory,
  type CognitoIdentityProviderDirectoryOptions,
} from './cognito-identity-provider-directory.js';
export {
  CognitoTokenVerifier,
  type IssuerVerifierOptions,
  type UserPoolVerifierOptions,
} from './cognito-token-verifier.js';
export { type IssuerKeyInput, toSigningKey } from './issuer-key.js';
export type { JwksInput } from './jwks-input.js';
export {
  type IssuedAccessToken,
  LocalTokenIssuer,
  type LocalTokenIssuerOptions,
} from './local-token-issuer.js';
