import 'reflect-metadata';
import {
  checkDynamo,
  DynamoConversations,
  DynamoReadMarkers,
  DynamoSendReceipts,
} from '@cruddur/adapters-aws/dynamo';
import {
  CachingUserDirectory,
  checkPostgres,
  PgEventTickets,
  type PgPool,
  PgUserDirectory,
} from '@cruddur/adapters-aws/postgres';
import {
  InMemoryConversations,
  InMemoryEventTickets,
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
  type IdentityProviderDirectory,
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
import type { AppDeps } from './app.js';
import type { MessagesTableRef } from './messages-table-ref.js';
import { type ServiceId, type Services, TOKENS, typedBind } from './service-ids.js';

export type { DocumentClient, MessagesTableRef } from './messages-table-ref.js';
export { type ServiceId, type Services, TOKENS } from './service-ids.js';

/** Every port on the in-memory adapters (no engines at all), with the given token verifier. */
export const memoryModule = (tokenVerifier: TokenVerifier): ContainerModule =>
  new ContainerModule(({ bind }) => {
    const to = typedBind(bind);
    to(TOKENS.UserDirectory).toResolvedValue(() => new InMemoryUserDirectory()).inSingletonScope();
    to(TOKENS.Conversations).toResolvedValue(() => new InMemoryConversations()).inSingletonScope();
    to(TOKENS.SendReceipts).toResolvedValue(() => new InMemorySendReceipts()).inSingletonScope();
    to(TOKENS.MessageEvents).toResolvedValue(() => new InMemoryMessageEvents()).inSingletonScope();
    to(TOKENS.ReadMarkers).toResolvedValue((c: Conversations) => new InMemoryReadMarkers(c), [TOKENS.Conversations]).inSingletonScope();
    to(TOKENS.EventTickets).toResolvedValue(() => new InMemoryEventTickets()).inSingletonScope();
    to(TOKENS.TokenVerifier).toConstantValue(tokenVerifier);
    to(TOKENS.ReadinessChecks).toConstantValue([]);
  });

export interface AwsResources {
  /** The messages table; called once, when a port (or a tool) first needs it. */
  readonly table: () => MessagesTableRef;
  /** The users database; called once, when a port (or a tool) first needs it. */
  readonly pool: () => PgPool;
  /** The user pool's directory (the ops CLI's Cognito commands); the host lists no pool users. */
  readonly identityProvider?: (() => IdentityProviderDirectory) | undefined;
  /** Absent only where nothing verifies tokens (the ops CLI): `TokenVerifier` is then unbound. */
  readonly tokenVerifier?: TokenVerifier | undefined;
  /** The conversations adapter when something else needs the same instance (PgMessageEvents). */
  readonly conversations?: DynamoConversations | undefined;
  /** Fan-out shared by every host (PostgreSQL LISTEN/NOTIFY); absent → this process only. */
  readonly messageEvents?: MessageEvents | undefined;
}

/**
 * Every port on DynamoDB, PostgreSQL and a token verifier (real services or the embedded
 * engines), and the raw table and pool under `TOKENS.MessagesTable` / `TOKENS.PgPool`. Each
 * is opened when first resolved, so a tool that uses only PostgreSQL never opens DynamoDB.
 */
export const awsModule = (resources: AwsResources): ContainerModule =>
  new ContainerModule(({ bind }) => {
    const to = typedBind(bind);
    const { MessagesTable: T, PgPool: P } = TOKENS;
    to(T).toResolvedValue(resources.table).inSingletonScope();
    to(P).toResolvedValue(resources.pool).inSingletonScope();
    to(TOKENS.UserDirectory)
      .toResolvedValue(
        // Every request resolves its caller by sub: cache it so a steady-state list costs no SQL.
        (pool: PgPool) =>
          new CachingUserDirectory(new PgUserDirectory(pool), { maxEntries: 10_000, ttlMs: 60_000 }),
        [P],
      )
      .inSingletonScope();
    to(TOKENS.Conversations)
      .toResolvedValue(
        (table: MessagesTableRef) => resources.conversations ?? new DynamoConversations(table),
        [T],
      )
      .inSingletonScope();
    // In the messages table, so a retry that lands on another host finds the first attempt.
    to(TOKENS.SendReceipts)
      .toResolvedValue((table: MessagesTableRef) => new DynamoSendReceipts(table), [T])
      .inSingletonScope();
    to(TOKENS.MessageEvents)
      .toResolvedValue(() => resources.messageEvents ?? new InMemoryMessageEvents())
      .inSingletonScope();
    to(TOKENS.ReadMarkers)
      .toResolvedValue((table: MessagesTableRef) => new DynamoReadMarkers(table), [T])
      .inSingletonScope();
    // Beside the users, so a ticket one host issued opens a stream on any host (embedded mode
    // too: one code path, and tickets survive a restart of the host on its data directory).
    to(TOKENS.EventTickets).toResolvedValue((pool: PgPool) => new PgEventTickets(pool), [P]).inSingletonScope();
    if (resources.tokenVerifier) to(TOKENS.TokenVerifier).toConstantValue(resources.tokenVerifier);
    if (resources.identityProvider) {
      to(TOKENS.IdentityProviderDirectory).toResolvedValue(resources.identityProvider).inSingletonScope();
    }
    to(TOKENS.ReadinessChecks)
      .toResolvedValue(
        ({ client, tableName }: MessagesTableRef, pool: PgPool) => [
          { name: 'dynamodb', check: () => checkDynamo(client, tableName) },
          { name: 'postgres', check: () => checkPostgres(pool) },
        ],
        [T, P],
      )
      .inSingletonScope();
  });

/** The clock and ids; overridable in tests by passing other instances. */
export const runtimeModule = (
  clock: Clock = new SystemClock(),
  ids: IdGenerator = new RandomIdGenerator(),
): ContainerModule =>
  new ContainerModule(({ bind }) => {
    const to = typedBind(bind);
    to(TOKENS.Clock).toConstantValue(clock);
    to(TOKENS.IdGenerator).toConstantValue(ids);
  });

/** Use cases, built from whatever ports the other modules bound. */
export const useCaseModule = new ContainerModule(({ bind }) => {
  const { UserDirectory: U, Conversations: C, MessageEvents: E, ReadMarkers: R } = TOKENS;
  const to = typedBind(bind);
  to(TOKENS.ListMessageGroups)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, readMarkers: ReadMarkers, clock: Clock) =>
        new ListMessageGroups({ users, conversations, readMarkers, clock }),
      [U, C, R, TOKENS.Clock],
    )
    .inSingletonScope();
  to(TOKENS.MarkRead)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, readMarkers: ReadMarkers, events: MessageEvents) =>
        new MarkRead({ users, conversations, readMarkers, events }),
      [U, C, R, E],
    )
    .inSingletonScope();
  to(TOKENS.ListMessages)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations) => new ListMessages({ users, conversations }),
      [U, C],
    )
    .inSingletonScope();
  to(TOKENS.CreateMessage)
    .toResolvedValue(
      (
        users: UserDirectory,
        conversations: Conversations,
        clock: Clock,
        ids: IdGenerator,
        receipts: SendReceipts,
        events: MessageEvents,
      ) => new CreateMessage({ users, conversations, clock, ids, receipts, events }),
      [U, C, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.SendReceipts, E],
    )
    .inSingletonScope();
  to(TOKENS.FollowMessages)
    .toResolvedValue(
      (users: UserDirectory, conversations: Conversations, events: MessageEvents) =>
        new FollowMessages({ users, conversations, events }),
      [U, C, E],
    )
    .inSingletonScope();
  to(TOKENS.UsersShort)
    .toResolvedValue((users: UserDirectory) => new UsersShort({ users }), [U])
    .inSingletonScope();
});

export function createContainer(...modules: ContainerModule[]): Services {
  const container = new Container();
  container.load(useCaseModule, ...modules);
  return { get: <T>(service: ServiceId<T>): T => container.get<T>(service) };
}

/** Everything the HTTP app needs, resolved from the container once at start. */
export const resolveAppDeps = (services: Services): Omit<AppDeps, 'devIssuer'> => ({
  listMessageGroups: services.get(TOKENS.ListMessageGroups),
  listMessages: services.get(TOKENS.ListMessages),
  createMessage: services.get(TOKENS.CreateMessage),
  usersShort: services.get(TOKENS.UsersShort),
  followMessages: services.get(TOKENS.FollowMessages),
  eventTickets: services.get(TOKENS.EventTickets),
  markRead: services.get(TOKENS.MarkRead),
  tokenVerifier: services.get(TOKENS.TokenVerifier),
  readiness: services.get(TOKENS.ReadinessChecks),
});
