import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { type DynamoEngine, type EmbeddedPostgresServer, startDynalite, startEmbeddedPostgres } from '@cruddur/engines';
import { createPgPool, migrate, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
import type { User } from '@cruddur/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { createContainer, resolveAppDeps, runtimeModule } from '../../../src/container.js';
import { openStorage } from '../../../src/storage.js';

const TABLE = 'cruddur-messages';

/** One real PostgreSQL and one dynalite, outside every host, as a load-balanced deployment has. */
export interface SharedEngines {
  readonly issuer: LocalTokenIssuer;
  aUser(handle: string): Promise<User>;
  tokenFor(user: User): string;
  /** A host in aws mode on these engines (PostgreSQL LISTEN/NOTIFY fan-out), listening. */
  startHost(): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startSharedEngines(): Promise<SharedEngines> {
  const [postgres, dynamo]: [EmbeddedPostgresServer, DynamoEngine] = await Promise.all([
    startEmbeddedPostgres(),
    startDynalite(),
  ]);
  const connectionUrl = await postgres.createDatabase('cruddur');
  const pool = createPgPool(connectionUrl);
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
      const storage = await openStorage({
        kind: 'aws',
        region: 'local',
        dynamoEndpoint: dynamo.endpoint,
        tableName: TABLE,
        connectionUrl,
        // Storage ignores the token source; the hosts verify with the shared local issuer.
        tokens: { kind: 'user-pool', userPoolId: 'local_unused', clientId: 'unused' },
      });
      const container = createContainer(storage.module, runtimeModule(issuer.verifier()));
      const app = await buildApp(resolveAppDeps(container));
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const close = async () => {
        await app.close();
        await storage.close();
      };
      hosts.push(close);
      return { app, url, close };
    },
    close: async () => {
      for (const close of hosts) await close().catch(() => {});
      await pool.end();
      await Promise.all([postgres.dispose(), dynamo.stop()]);
    },
  };
}
