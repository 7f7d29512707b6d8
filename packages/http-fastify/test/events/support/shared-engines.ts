import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { type DynamoEngine, type EmbeddedPostgresServer, startDynalite, startEmbeddedPostgres } from '@cruddur/engines';
import { createPgPool, migrate, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
import type { User } from '@cruddur/core';
import type { FastifyInstance } from 'fastify';
import { composeHost } from '../../../src/host.js';

const TABLE = 'cruddur-messages';
const SHARED_POOL = 'shared-engines';

/** One real PostgreSQL and one dynalite, outside every host, as a load-balanced deployment has. */
export interface SharedEngines {
  readonly issuer: LocalTokenIssuer;
  aUser(handle: string): Promise<User>;
  tokenFor(user: User): string;
  /** A host in aws mode on these engines (PostgreSQL LISTEN/NOTIFY fan-out), listening. */
  startHost(): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }>;
  /** PostgreSQL connections the hosts hold open (their pools and LISTEN connections). */
  hostConnections(): Promise<number>;
  close(): Promise<void>;
}

export async function startSharedEngines(): Promise<SharedEngines> {
  const [postgres, dynamo]: [EmbeddedPostgresServer, DynamoEngine] = await Promise.all([
    startEmbeddedPostgres(),
    startDynalite(),
  ]);
  const connectionUrl = await postgres.createDatabase('cruddur');
  // Named, so the connections of the hosts can be told from this pool's own.
  const shared = new URL(connectionUrl);
  shared.searchParams.set('application_name', SHARED_POOL);
  const pool = createPgPool(shared.href);
  await migrate(pool);
  const client = createDynamoDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  await ensureMessagesTable(client, TABLE);
  client.destroy();
  const users = new PgUserDirectory(pool);
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://localhost:4567/two-hosts' });
  const hosts: Array<() => Promise<void>> = [];

  return {
    issuer,
    aUser: (handle) =>
      users.create({ handle, displayName: `User ${handle}`, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` }),
    tokenFor: (user) => issuer.issueAccessToken({ sub: `sub-${user.handle}`, username: user.handle }).accessToken,
    startHost: async () => {
      // The host's own storage wiring for the aws backend; only the token issuer is local.
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
        // The configured user pool is replaced by the shared local issuer; the rest is aws mode's own.
        { tokens: { verifier: issuer.verifier(), devIssuer: null } },
      );
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      // app.close() alone releases the host's clients, pool and LISTEN connection.
      const close = () => app.close();
      hosts.push(close);
      return { app, url, close };
    },
    hostConnections: async () => {
      const { rows } = await pool.query<{ count: string }>(
        "select count(*) from pg_stat_activity where datname = 'cruddur' and application_name <> $1",
        [SHARED_POOL],
      );
      return Number(rows[0]?.count ?? 0);
    },
    close: async () => {
      for (const close of hosts) await close().catch(() => {});
      await pool.end();
      await Promise.all([postgres.dispose(), dynamo.stop()]);
    },
  };
}
