import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { migrate } from '@cruddur/adapters-aws/postgres';
import type { User, UserDirectory } from '@cruddur/core';
import { CountingPool, countDynamoCalls, type DynamoCallCounter, pgMemPool } from '@cruddur/engines';
import { awsModule, composeHost, type HostConfig, TOKENS, withTokenCache } from '@cruddur/http-fastify/host';
import type { FastifyInstance } from 'fastify';

export interface HostInstance {
  readonly app: FastifyInstance;
  readonly users: UserDirectory;
}

/** The host wired as `awsModule` wires it, over clients that count what they send. */
export interface MeteredHost {
  readonly dynamo: DynamoCallCounter;
  readonly pg: CountingPool;
  /** A user with a Cognito sub, created through the host's own (caching) UserDirectory. */
  aUser(handle: string): Promise<User>;
  tokenFor(user: User): string;
  /** A second host process on the same table and database: its caches start empty. */
  anotherInstance(): Promise<HostInstance>;
  readonly first: HostInstance;
  close(): Promise<void>;
}

export const TABLE_NAME = 'cruddur-messages';

/**
 * The real composition root (`composeHost` with `awsModule` from http-fastify) on a DynamoDB
 * endpoint and pg-mem, as the embedded host runs, except that the DocumentClient carries a
 * metering middleware and the pool is wrapped in a counter.
 */
export const meteredHost = async (
  endpoint: string,
  options: {
    /** More middleware on the host's DocumentClient (e.g. timing each call). */
    readonly instrument?: (client: DynamoDBDocumentClient) => void;
    readonly edge?: HostConfig['edge'];
  } = {},
): Promise<MeteredHost> => {
  const documentClient = createDynamoDocumentClient({ region: 'local', endpoint });
  options.instrument?.(documentClient);
  await ensureMessagesTable(documentClient, TABLE_NAME);
  const memPool = pgMemPool();
  await migrate(memPool);
  const pg = new CountingPool(memPool);
  const dynamo = countDynamoCalls(documentClient);
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-issuer' });
  const instances: HostInstance[] = [];
  const instance = async (): Promise<HostInstance> => {
    // The clients are shared by every instance and closed by `close` below, not by app.close().
    const { app, services } = await composeHost(
      {
        port: 0,
        host: '127.0.0.1',
        backend: { kind: 'embedded', tableName: TABLE_NAME },
        ...(options.edge ? { edge: options.edge } : {}),
      },
      {
        storage: {
          module: (tokenVerifier) =>
            awsModule({ table: () => ({ client: documentClient, tableName: TABLE_NAME }), pool: () => pg, tokenVerifier }),
          embedded: null,
          close: async () => {},
        },
        // Verified tokens cached, as composeHost wires every verifier of a running host.
        tokens: { verifier: withTokenCache(issuer.verifier()), devIssuer: null },
      },
    );
    const started = { app, users: services.get(TOKENS.UserDirectory) };
    instances.push(started);
    return started;
  };
  const first = await instance();
  return {
    dynamo,
    pg,
    first,
    aUser: (handle) =>
      first.users.create({
        handle,
        displayName: `Bench ${handle}`,
        email: `${handle}@bench.test`,
        cognitoUserId: `sub-${handle}`,
      }),
    tokenFor: (user) =>
      issuer.issueAccessToken({ sub: user.cognitoUserId ?? '', username: user.handle }).accessToken,
    anotherInstance: instance,
    close: async () => {
      for (const { app } of instances) await app.close();
      documentClient.destroy();
      await memPool.end();
    },
  };
};
