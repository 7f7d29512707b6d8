import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import {
  InMemoryConversations,
  InMemoryEventTickets,
  InMemorySendReceipts,
  InMemoryMessageEvents,
  InMemoryReadMarkers,
  InMemoryUserDirectory,
  SequentialIdGenerator,
  SteppingClock,
} from '@cruddur/adapters-memory';
import type { Clock, Conversations, User, UserDirectory } from '@cruddur/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ContainerModule } from 'inversify';
import type { AppDeps, ReadinessCheck } from '../../../src/app.js';
import { DEFAULT_EDGE_SETTINGS, type EdgeSettings } from '../../../src/edge/edge-settings.js';
import { composeHost } from '../../../src/host.js';
import { TOKENS, typedBind } from '../../../src/service-ids.js';
import type { Storage } from '../../../src/storage.js';

export const TEST_ISSUER = 'http://localhost:4567/test-issuer';

let sharedIssuer: Promise<LocalTokenIssuer> | undefined;
/** Making an RSA key pair costs tens of milliseconds, so one issuer serves a whole test file. */
export const testIssuer = (): Promise<LocalTokenIssuer> => {
  sharedIssuer ??= LocalTokenIssuer.create({ issuer: TEST_ISSUER });
  return sharedIssuer;
};

export interface TestAppOptions {
  /** Wraps the memory adapter the use cases see, e.g. to simulate an outage. */
  readonly wrapUsers?: (users: UserDirectory) => UserDirectory;
  readonly wrapConversations?: (conversations: Conversations) => Conversations;
  readonly readiness?: readonly ReadinessCheck[];
  readonly readinessTimeoutMs?: number;
  /** Receives the app's JSON log lines (level info and up); no logging without it. */
  readonly logTo?: (line: string) => void;
  /** The use cases' clock; a `SteppingClock` (one second per reading) by default. */
  readonly clock?: Clock;
  /** Limits and timings of the event stream (short heartbeats, small buffers in tests). */
  readonly eventStream?: AppDeps['eventStream'];
  /** Registers the embedded-mode dev routes; on by default. */
  readonly devRoutes?: boolean;
  /** Edge settings over `TEST_EDGE` (rate limits lifted, so only the limit tests meet them). */
  readonly edge?: Partial<EdgeSettings>;
}

/**
 * Production edge defaults with the rate limits out of reach (tests send hundreds of requests)
 * and no load shedding (a loaded test machine is not an overloaded host). Their own tests set them.
 */
export const TEST_EDGE: EdgeSettings = {
  ...DEFAULT_EDGE_SETTINGS,
  maxEventLoopDelayMs: 0,
  sendsPerSecond: 1_000_000,
  sendBurst: 1_000_000,
  devTokensPerMinute: 1_000_000,
  authFailuresPerMinute: 1_000_000,
};

/** Who makes a request: a user (a fresh valid token), a raw `Authorization` value, or nobody. */
export type Caller = User | { readonly authorization: string } | null;

export interface Call {
  readonly as?: Caller;
  readonly payload?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly issuer: LocalTokenIssuer;
  readonly users: InMemoryUserDirectory;
  readonly conversations: InMemoryConversations;
  /** A registered user whose Cognito sub is `sub-<handle>`. */
  aUser(handle: string, displayName?: string): Promise<User>;
  tokenFor(user: User): string;
  get(url: string, call?: Call): Promise<LightMyRequestResponse>;
  post(url: string, call?: Call): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on memory adapters, deterministic ids and clock, and a real local JWT issuer. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const issuer = await testIssuer();
  const { logTo } = options;
  const users = new InMemoryUserDirectory({ ids: new SequentialIdGenerator({ prefix: 'aaaaaaaa' }) });
  const conversations = new InMemoryConversations();
  const seenUsers = options.wrapUsers?.(users) ?? users;
  const seenConversations = options.wrapConversations?.(conversations) ?? conversations;
  // The host's own composition root (composeHost), over the ports this test wants to see.
  const storage: Storage = {
    module: (tokenVerifier) =>
      new ContainerModule(({ bind }) => {
        const to = typedBind(bind);
        to(TOKENS.UserDirectory).toConstantValue(seenUsers);
        to(TOKENS.Conversations).toConstantValue(seenConversations);
        to(TOKENS.SendReceipts).toConstantValue(new InMemorySendReceipts());
        to(TOKENS.MessageEvents).toConstantValue(new InMemoryMessageEvents());
        to(TOKENS.ReadMarkers).toConstantValue(new InMemoryReadMarkers(seenConversations));
        to(TOKENS.EventTickets).toConstantValue(new InMemoryEventTickets());
        to(TOKENS.TokenVerifier).toConstantValue(tokenVerifier);
        to(TOKENS.ReadinessChecks).toConstantValue(options.readiness ?? []);
      }),
    embedded: null,
    close: async () => {},
  };
  const { app } = await composeHost(
    { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } },
    {
      storage,
      tokens: { verifier: issuer.verifier(), devIssuer: options.devRoutes === false ? null : issuer },
      demoData: false,
      clock: options.clock ?? new SteppingClock(),
      ids: new SequentialIdGenerator({ prefix: 'bbbbbbbb' }),
      eventStream: options.eventStream,
      logger: logTo ? { level: 'info', stream: { write: (line: string) => logTo(line) } } : false,
      edge: { ...TEST_EDGE, ...options.edge },
      ...(options.readinessTimeoutMs === undefined ? {} : { readinessTimeoutMs: options.readinessTimeoutMs }),
    },
  );

  const tokenFor = (user: User): string => {
    if (user.cognitoUserId === null) throw new Error(`${user.handle} has no Cognito sub`);
    return issuer.issueAccessToken({ sub: user.cognitoUserId, username: user.handle }).accessToken;
  };
  const headersFor = (call: Call): Record<string, string> => {
    const { as = null, headers = {} } = call;
    if (as === null) return { ...headers };
    const authorization = 'authorization' in as ? as.authorization : `Bearer ${tokenFor(as)}`;
    return { ...headers, authorization };
  };

  return {
    app,
    issuer,
    users,
    conversations,
    aUser: (handle, displayName = `User ${handle}`) =>
      users.create({ handle, displayName, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` }),
    tokenFor,
    get: (url, call = {}) => app.inject({ method: 'GET', url, headers: headersFor(call) }),
    post: (url, call = {}) => {
      const payload = call.payload;
      const body =
        payload === undefined
          ? {}
          : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) };
      const contentType = payload === undefined ? {} : { 'content-type': 'application/json' };
      return app.inject({ method: 'POST', url, headers: { ...contentType, ...headersFor(call) }, ...body });
    },
    close: () => app.close(),
  };
}
