import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export interface LocalPool {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The `iss` cognito-local writes: its own `http://HOST:PORT` + `/` + pool id. */
  readonly issuer: string;
  /** cognito-local serves the key set at `/<poolId>/.well-known/jwks.json`. */
  readonly jwksUri: string;
}

const PASSWORD = 'Cruddur-Test-1';

export async function createPool(
  client: CognitoIdentityProviderClient,
  endpoint: string,
): Promise<LocalPool> {
  const pool = await client.send(new CreateUserPoolCommand({ PoolName: `cruddur-${randomUUID()}` }));
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local returned no pool id');
  const clientId = await createAppClient(client, userPoolId);
  return {
    userPoolId,
    clientId,
    issuer: `${endpoint}/${userPoolId}`,
    jwksUri: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
  };
}

export async function createAppClient(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  options: { accessTokenSeconds?: number } = {},
): Promise<string> {
  const lifetime = options.accessTokenSeconds
    ? {
        AccessTokenValidity: options.accessTokenSeconds,
        TokenValidityUnits: { AccessToken: 'seconds' as const },
      }
    : {};
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['USER_PASSWORD_AUTH'],
      ...lifetime,
    }),
  );
  const clientId = created.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local returned no client id');
  return clientId;
}

export interface LocalUser {
  readonly email: string;
  readonly username: string;
  readonly sub: string;
}

/**
 * A confirmed user. cognito-local's pools sign in by email and make the username a uuid;
 * unlike real Cognito it honours a `sub` we give, which lets the contract choose the subject.
 */
export async function createUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  options: { preferredUsername?: string; sub?: string } = {},
): Promise<LocalUser> {
  const email = `${randomUUID()}@example.com`;
  const attributes = [{ Name: 'email', Value: email }];
  if (options.preferredUsername)
    attributes.push({ Name: 'preferred_username', Value: options.preferredUsername });
  if (options.sub) attributes.push({ Name: 'sub', Value: options.sub });
  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      UserAttributes: attributes,
      MessageAction: 'SUPPRESS',
    }),
  );
  const username = created.User?.Username;
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!username || !sub) throw new Error('cognito-local returned a user without username or sub');
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: username,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  return { email, username, sub };
}

/** USER_PASSWORD_AUTH, as the Cruddur frontend signs in. */
export async function signIn(
  client: CognitoIdentityProviderClient,
  clientId: string,
  user: LocalUser,
): Promise<{ accessToken: string; idToken: string }> {
  const result = await client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.email, PASSWORD },
    }),
  );
  const accessToken = result.AuthenticationResult?.AccessToken;
  const idToken = result.AuthenticationResult?.IdToken;
  if (!accessToken || !idToken)
    throw new Error(`cognito-local issued no tokens (challenge ${result.ChallengeName})`);
  return { accessToken, idToken };
}
