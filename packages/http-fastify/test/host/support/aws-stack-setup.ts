import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { createPgPool, migrate, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
import type { JwksHttpIssuer } from './jwks-http-issuer.js';

export interface AwsStack {
  /** Where the tables are made (straight to the engine, not through a fault proxy). */
  readonly setupDynamoEndpoint: string;
  /** Where the host sends its DynamoDB calls. */
  readonly hostDynamoEndpoint: string;
  readonly connectionUrl: string;
  readonly idp: JwksHttpIssuer;
  /** Users to sign up, handle → Cognito sub. */
  readonly subs: Readonly<Record<string, string>>;
}

/**
 * What an operator does before an aws-mode host starts (`ddb schema-load`, `db setup`, sign-ups),
 * then the environment the host is started with. Setup calls are patient: a cold JVM on a loaded
 * machine can take seconds for its first CreateTable.
 */
export async function prepareAwsStack(stack: AwsStack, extraEnv: Record<string, string> = {}) {
  const setupClient = createDynamoDocumentClient({
    region: 'us-east-1',
    endpoint: stack.setupDynamoEndpoint,
    maxAttempts: 5,
    connectionTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
  });
  await ensureMessagesTable(setupClient, 'cruddur-messages');
  setupClient.destroy();
  const pool = createPgPool(stack.connectionUrl);
  await migrate(pool);
  const users = new PgUserDirectory(pool);
  for (const [handle, sub] of Object.entries(stack.subs)) {
    await users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: sub });
  }
  await pool.end();
  return {
    CRUDDUR_BACKEND: 'aws',
    PORT: '0',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_DYNAMODB: stack.hostDynamoEndpoint,
    CONNECTION_URL: stack.connectionUrl,
    COGNITO_ISSUER: stack.idp.issuer.issuer,
    COGNITO_JWKS_URL: stack.idp.jwksUrl,
    AWS_COGNITO_USER_POOL_CLIENT_ID: stack.idp.issuer.clientId,
    ...extraEnv,
  };
}
