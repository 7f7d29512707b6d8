import { readFileSync } from 'node:fs';
import { toSigningKey } from '@cruddur/adapters-aws/cognito';

type Env = Readonly<Record<string, string | undefined>>;

/** Who signs the access tokens an aws-mode host accepts. */
export type TokenSource =
  /** A real Cognito user pool (`AWS_COGNITO_USER_POOL_ID`); its JWKS is fetched over https. */
  | { readonly kind: 'user-pool'; readonly userPoolId: string; readonly clientId: string }
  /** Any issuer of Cognito-shaped access tokens: cognito-local, a LocalTokenIssuer, another IdP. */
  | { readonly kind: 'issuer'; readonly issuer: string; readonly jwksUrl: string; readonly clientId: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const read = (env: Env, key: string) => env[key]?.trim() || undefined;

/**
 * `COGNITO_ISSUER` + `COGNITO_JWKS_URL`, or `AWS_COGNITO_USER_POOL_ID`; the app client
 * (`AWS_COGNITO_USER_POOL_CLIENT_ID`) and `token_use=access` are checked either way.
 * Plain http for the key set only on loopback: anywhere else a network attacker could serve
 * their own keys and sign in as anyone.
 */
export function readTokenSource(env: Env, problems: string[]): TokenSource {
  const clientId = read(env, 'AWS_COGNITO_USER_POOL_CLIENT_ID') ?? '';
  const clientProblem =
    'AWS_COGNITO_USER_POOL_CLIENT_ID: required when running against real services (it is not set).';
  const issuer = read(env, 'COGNITO_ISSUER');
  const jwksUrl = read(env, 'COGNITO_JWKS_URL');
  const userPoolId = read(env, 'AWS_COGNITO_USER_POOL_ID');
  if (issuer === undefined && jwksUrl === undefined) {
    if (!userPoolId) {
      problems.push(
        'AWS_COGNITO_USER_POOL_ID: required when running against real services (or COGNITO_ISSUER + COGNITO_JWKS_URL).',
      );
    } else if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) {
      problems.push(
        `AWS_COGNITO_USER_POOL_ID: "${userPoolId}" is not a user pool id (like us-east-1_AbCd1234).`,
      );
    }
    if (!clientId) problems.push(clientProblem);
    return { kind: 'user-pool', userPoolId: userPoolId ?? '', clientId };
  }
  if (userPoolId) {
    problems.push('AWS_COGNITO_USER_POOL_ID: set it or COGNITO_ISSUER + COGNITO_JWKS_URL, not both.');
  }
  if (!issuer)
    problems.push('COGNITO_ISSUER: required with COGNITO_JWKS_URL (the exact `iss` of the tokens).');
  else if (!isWebUrl(issuer)) problems.push(`COGNITO_ISSUER: "${issuer}" is not an http(s) URL.`);
  if (!jwksUrl)
    problems.push('COGNITO_JWKS_URL: required with COGNITO_ISSUER (where its key set is served).');
  else if (!isWebUrl(jwksUrl)) problems.push(`COGNITO_JWKS_URL: "${jwksUrl}" is not an http(s) URL.`);
  else if (new URL(jwksUrl).protocol === 'http:' && !LOOPBACK.has(new URL(jwksUrl).hostname)) {
    problems.push(
      `COGNITO_JWKS_URL: "${jwksUrl}" must be https (plain http only on 127.0.0.1, localhost or [::1]).`,
    );
  }
  if (!clientId) problems.push(clientProblem);
  return { kind: 'issuer', issuer: issuer ?? '', jwksUrl: jwksUrl ?? '', clientId };
}

/**
 * `CRUDDUR_DEV_ISSUER_KEY_FILE`: the dev issuer's RSA private key (PEM or JWK), so its tokens and
 * JWKS survive restarts and several hosts can share one issuer. Read and checked at start.
 */
export function readDevIssuerKey(env: Env, problems: string[]): string | undefined {
  const path = read(env, 'CRUDDUR_DEV_ISSUER_KEY_FILE');
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(
      `CRUDDUR_DEV_ISSUER_KEY_FILE: cannot read "${path}" (${(error as NodeJS.ErrnoException).code}).`,
    );
    return undefined;
  }
  try {
    toSigningKey(text);
  } catch (error) {
    // The key itself is never echoed.
    problems.push(`CRUDDUR_DEV_ISSUER_KEY_FILE: "${path}": ${(error as Error).message}`);
    return undefined;
  }
  return text;
}

const isWebUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
