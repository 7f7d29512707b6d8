import 'reflect-metadata';
import {
  checkDynamo,
  type createDynamoDocumentClient,
  DynamoConversations,
  DynamoReadMarkers,
  DynamoSendReceipts,
} from '@cruddur/adapters-aws/dynamo';
import { CachingUserDirectory, checkPostgres, type PgPool, PgUserDirectory } from '@cruddur/adapters-aws/postgres';
import {
  InMemoryConversations,
  InMemoryMessageEvents,
  InMemoryReadMarkers,
  InMemorySendReceipts,
  InMemoryUserDirectory,
} from '@cruddur/adapters-memory';
import {
  type Clock,
  type Conversations,
  CreateMessage,
  FollowMessages,
  type IdGenerator,
  ListMessageGroups,
  ListMessages,
  MarkRead,
  type MessageEvents,
  RandomIdGenerator,
  type ReadMarkers,
  type SendReceipts,
  SystemClock,
  type TokenVerifier,
  type UserDirectory,
  UsersShort,
} from '@cruddur/core';
import { Container, ContainerModule } from 'inversify';
import type { AppDeps, ReadinessCheck } from './app.js';

/** Service identifiers: ports and use cases, never concrete adapters. */
export const TOKENS = {
  UserDirectory: Symbol.for('cruddur.UserDirectory'),
  Conversations: Symbol.for('cruddur.Conversations'),
  SendReceipts: Symbol.for('cruddur.SendReceipts'),
  MessageEvents: Symbol.for('cruddur.MessageEvents'),
  ReadMarkers: Symbol.for('cruddur.ReadMarkers'),
  TokenVerifier: Symbol.for('cruddur.TokenVerifier'),
  Clock: Symbol.for('cruddur.Clock'),
  IdGenerator: Symbol.for('cruddur.IdGenerator'),
  ReadinessChecks: Symbol.for('cruddur.ReadinessChecks'),
  ListMessageGroups: Symbol.for('cruddur.ListMessageGroups'),
  ListMessages: Symbol.for('cruddur.ListMessages'),
  CreateMessage: Symbol.for('cruddur.CreateMessage'),
  UsersShort: Symbol.for('cruddur.UsersShort'),
  FollowMessages: Symbol.for('cruddur.FollowMessages'),
  MarkRead: Symbol.for('cruddur.MarkRead'),
} as const;

/** Storage ports on the in-memory adapters: no engines at all. */
export const memoryModule = (): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bind<UserDirectory>(TOKENS.UserDirectory).toResolvedValue(() => new InMemoryUserDirectory()).inSingletonScope();
    bind<Conversations>(TOKENS.Conversations).toResolvedValue(() => new InMemoryConversations()).inSingletonScope();
    bind<SendReceipts>(TOKENS.SendReceipts).toResolvedValue(() => new InMemorySendReceipts()).inSingletonScope();
    bind<MessageEvents>(TOKENS.MessageEvents).toResolvedValue(() => new InMemoryMessageEvents()).inSingletonScope();
    bind<ReadMarkers>(TOKENS.ReadMarkers).toResolvedValue((c: Conversations) => new InMemoryReadMarkers(c), [TOKENS.Conversations]).inSingletonScope();
    bind<readonly ReadinessCheck[]>(TOKENS.ReadinessChecks).toConstantValue([]);
  });

export type DocumentClient = ReturnType<typeof createDynamoDocumentClient>;

export interface AwsResources {
  readonly documentClient: DocumentClient;
  readonly tableName: string;
  readonly pool: PgPool;
  /** Fan-out shared by every host (PostgreSQL LISTEN/NOTIFY); absent → this process only. */
  readonly messageEvents?: MessageEvents | undefined;
}

/** Storage ports on DynamoDB and PostgreSQL (real services or the embedded engines). */
export const awsModule = ({ documentClient, tableName, pool, messageEvents }: AwsResources): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bind<UserDirectory>(TOKENS.UserDirectory)
      .toResolvedValue(
        // Every request resolves its caller by sub: cache it so a steady-state list costs no SQL.
        () => new CachingUserDirectory(new PgUserDirectory(pool), { maxEntries: 10_000, ttlMs: 60_000 }),
      )
      .inSingletonScope();
    bind<Conversations>(TOKENS.Conversations)
      .toResolvedValue(() => new DynamoConversations({ client: documentClient, tableName }))
      .inSingletonScope();
    // In the messages table, so a retry that lands on another host finds the first attempt.
    bind<SendReceipts>(TOKENS.SendReceipts)
      .toResolvedValue(() => new DynamoSendReceipts({ client: documentClient, tableName }))
      .inSingletonScope();
    bind<MessageEvents>(TOKENS.MessageEvents)
      .toResolvedValue(() => messageEvents ?? new InMemoryMessageEvents())
      .inSingletonScope();
    bind<ReadMarkers>(TOKENS.ReadMarkers).toResolvedValue(() => new DynamoReadMarkers({ client: documentClient, tableName })).inSingletonScope();
    bind<readonly ReadinessCheck[]>(TOKENS.ReadinessChecks).toConstantValue([
      { name: 'dynamodb', check: () => checkDynamo(documentClient, tableName) },
      { name: 'postgres', check: () => checkPostgres(pool) },
    ]);
  });

/** The token verifier, the clock and ids; overridable in tests by passing other instances. */
export const runtimeModule = (
  tokenVerifier: TokenVerifier,
  clock: Clock = new SystemClock(),
  ids: IdGenerator = new RandomIdGenerator(),
): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bind<TokenVerifier>(TOKENS.TokenVerifier).toConstantValue(tokenVerifier);
    bind<Clock>(TOKENS.Clock).toConstantValue(clock);
    bind<IdGenerator>(TOKENS.IdGenerator).toConstantValue(ids);
  });

/** Use cases, built from whatever ports the other modules bound. */
export const useCaseModule = new ContainerModule(({ bind }) => {
  const { UserDirectory: U, Conversations: C, MessageEvents: E, ReadMarkers: R } = TOKENS;
  bind(TOKENS.ListMessageGroups)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, readMarkers: ReadMarkers) =>
        new ListMessageGroups({ users, conversations, readMarkers }),
      [U, C, R],
    )
    .inSingletonScope();
  bind(TOKENS.MarkRead)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, readMarkers: ReadMarkers, events: MessageEvents) =>
        new MarkRead({ users, conversations, readMarkers, events }),
      [U, C, R, E],
    )
    .inSingletonScope();
  bind(TOKENS.ListMessages)
    .toResolvedValue((users: UserDirectory, conversations: Conversations) => new ListMessages({ users, conversations }), [U, C])
    .inSingletonScope();
  bind(TOKENS.CreateMessage)
    .toResolvedValue(
      (
        users: UserDirectory,
        conversations: Conversations,
        clock: Clock,
        ids: IdGenerator,
        receipts: SendReceipts,
        events: MessageEvents,
        readMarkers: ReadMarkers,
      ) => new CreateMessage({ users, conversations, clock, ids, receipts, events, readMarkers }),
      [U, C, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.SendReceipts, E, R],
    )
    .inSingletonScope();
  bind(TOKENS.FollowMessages)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, events: MessageEvents) =>
        new FollowMessages({ users, conversations, events }),
      [U, C, E],
    )
    .inSingletonScope();
  bind(TOKENS.UsersShort)
    .toResolvedValue((users: UserDirectory) => new UsersShort({ users }), [U])
    .inSingletonScope();
});

export function createContainer(...modules: ContainerModule[]): Container {
  const container = new Container();
  container.load(useCaseModule, ...modules);
  return container;
}

/** Everything the HTTP app needs, resolved from the container once at start. */
export const resolveAppDeps = (container: Container): Omit<AppDeps, 'devIssuer'> => ({
  listMessageGroups: container.get<ListMessageGroups>(TOKENS.ListMessageGroups),
  listMessages: container.get<ListMessages>(TOKENS.ListMessages),
  createMessage: container.get<CreateMessage>(TOKENS.CreateMessage),
  usersShort: container.get<UsersShort>(TOKENS.UsersShort),
  followMessages: container.get<FollowMessages>(TOKENS.FollowMessages),
  markRead: container.get<MarkRead>(TOKENS.MarkRead),
  tokenVerifier: container.get<TokenVerifier>(TOKENS.TokenVerifier),
  readiness: container.get<readonly ReadinessCheck[]>(TOKENS.ReadinessChecks),
});
