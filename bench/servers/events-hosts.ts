import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { startDynalite, startEmbeddedPostgres } from '@cruddur/engines';
import { createPgPool, migrate, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
import { composeHost, withTokenCache } from '@cruddur/http-fastify/host';
import { serveFromChild } from '../support/server-process.js';
import type { EventHostsInfo } from './contract.js';

const TABLE = 'cruddur-messages';

/**
 * Two hosts as a load balancer would have them, in one process: each its own pools, its own
 * LISTEN connection and its own DynamoDB client, on one embedded PostgreSQL and one dynalite.
 */
serveFromChild<null, EventHostsInfo>(async () => {
  const [postgres, dynamo] = await Promise.all([startEmbeddedPostgres(), startDynalite()]);
  const connectionUrl = await postgres.createDatabase('cruddur');
  const setupPool = createPgPool(connectionUrl);
  await migrate(setupPool);
  const users = new PgUserDirectory(setupPool);
  const aUser = (handle: string) =>
    users.create({ handle, displayName: handle, email: `${handle}@bench.test`, cognitoUserId: `sub-${handle}` });
  await Promise.all([aUser('sender'), aUser('receiver')]);
  const setupClient = createDynamoDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  await ensureMessagesTable(setupClient, TABLE);
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-events' });

  const aHost = async (): Promise<number> => {
    // aws mode's own storage (clients, pool, LISTEN connection); only the token issuer is local.
    const { app } = await composeHost(
      {
        port: 0,
        host: '127.0.0.1',
        backend: {
          kind: 'aws',
          region: 'local',
          dynamoEndpoint: dynamo.endpoint,
          tableName: TABLE,
          connectionUrl,
          tokens: { kind: 'user-pool', userPoolId: 'local_unused', clientId: 'unused' },
        },
      },
      { tokens: { verifier: withTokenCache(issuer.verifier()), devIssuer: null } },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    return address.port;
  };
  const [portA, portB] = [await aHost(), await aHost()];
  const token = (handle: string) => issuer.issueAccessToken({ sub: `sub-${handle}`, username: handle }).accessToken;
  process.once('SIGTERM', () => void postgres.dispose().finally(() => process.exit(0)));
  return { portA, portB, senderToken: token('sender'), receiverToken: token('receiver') };
});
