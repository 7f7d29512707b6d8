import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import {
  CountingPool,
  countDynamoCalls,
  type DynamoCallCounter,
  pgMemPool,
} from '@cruddur/engines';
import { migrate } from '@cruddur/adapters-aws/postgres';
import type { User, UserDirectory } from '@cruddur/core';
import {
  awsModule,
  buildApp,
  createContainer,
  resolveAppDeps,
  runtimeModule,
  TOKENS,
} from '@cruddur/http-fastify/host';
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
 * The real composition root (`awsModule` + `buildApp` from http-fastify) on a DynamoDB
 * endpoint and pg-mem, as the embedded host runs, except that the DocumentClient carries a
 * metering middleware and the pool is wrapped in a counter.
 */
export const meteredHost = async (endpoint: string): Promise<MeteredHost> => {
  const documentClient = createDynamoDocumentClient({ region: 'local', endpoint });
  await ensureMessagesTable(documentClient, TABLE_NAME);
  const memPool = pgMemPool();
  await migrate(memPool);
  const pg = new CountingPool(memPool);
  const dynamo = countDynamoCalls(documentClient);
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-issuer' });
  const instances: HostInstance[] = [];
  const instance = async (): Promise<HostInstance> => {
    const container = createContainer(
      awsModule({ documentClient, tableName: TABLE_NAME, pool: pg }),
      runtimeModule(issuer.verifier()),
    );
    const started = {
      app: await buildApp(resolveAppDeps(container)),
      users: container.get<UserDirectory>(TOKENS.UserDirectory),
    };
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
