import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import {
  type Clock,
  type IdGenerator,
  RandomIdGenerator,
  SystemClock,
  type TokenVerifier,
  type User,
} from '@cruddur/core';
import { loadDemoData } from '@cruddur/core/demo';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ContainerModule } from 'inversify';
import { type AppDeps, type AppOptions, buildApp } from './app.js';
import type { HostConfig } from './config.js';
import { createContainer, resolveAppDeps, runtimeModule, type Services, TOKENS } from './container.js';
import type { EmbeddedEngines } from './embedded-engines.js';
import { openStorage, type Storage } from './storage.js';
import { openTokens } from './tokens.js';

export interface RunningHost {
  /** `app.close()` releases everything the host opened (see `composeHost`). */
  readonly app: FastifyInstance;
  /** The composed ports and use cases, e.g. to seed users through the host's own UserDirectory. */
  readonly services: Services;
  /** Demo users (embedded and memory mode only; empty against real services). */
  readonly demoUsers: readonly User[];
  readonly devIssuer: LocalTokenIssuer | null;
  /** The embedded engines (embedded mode only): where their data lives, what dynalite served. */
  readonly embedded: Storage['embedded'];
  /** The same as `app.close()`. */
  close(): Promise<void>;
}

/** What a caller may put in place of what the configuration would open (tests, the bench). */
export interface HostOverrides extends Omit<AppOptions, 'onClose'>, Pick<AppDeps, 'eventStream'> {
  /** Already-open storage (the config's backend is then not opened): binds every port but the token verifier; its `close` runs on app.close(). */
  readonly storage?: Storage;
  /** Embedded engines already starting (`npm start` starts them before loading the host's modules). */
  readonly engines?: Promise<EmbeddedEngines>;
  /** The token verifier and dev issuer instead of those the configuration names. */
  readonly tokens?: { readonly verifier: TokenVerifier; readonly devIssuer: LocalTokenIssuer | null };
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Load the demo people and conversations when there is a dev issuer (default true). */
  readonly demoData?: boolean;
  /** Bindings loaded after the others, e.g. a test's wrapped ports. */
  readonly modules?: readonly ContainerModule[];
}

/**
 * An adapter that does work after answering (the DynamoDB adapter finishing inbox steps in
 * the background) has a `close()` that finishes or hands it over; called once no request is left.
 */
async function drain(port: object): Promise<void> {
  const close = (port as { close?: unknown }).close;
  if (typeof close === 'function') await close.call(port);
}

/** Background work an adapter gave up on is logged (a `warn` line with the task's key). */
function logGiveUps(port: object, log: FastifyBaseLogger): void {
  const onGiveUp = (port as { onGiveUp?: unknown }).onGiveUp;
  if (typeof onGiveUp !== 'function') return;
  onGiveUp.call(port, (task: string, error: unknown) =>
    log.warn({ task, err: error }, 'background DynamoDB work given up'),
  );
}

/**
 * The one composition root (start entry, bin, HTTP tests, bench): opens storage and tokens for
 * `config`, binds every port, builds the app without listening. `app.close()` stops the server
 * (requests in flight finish; event streams end in a `preClose` hook), then lets the adapters
 * finish their background work, then closes clients, pools, the LISTEN connection and engines.
 */
export async function composeHost(config: HostConfig, overrides: HostOverrides = {}): Promise<RunningHost> {
  // The issuer's keys are made while the engines start (startup time); a failure of either is
  // reported below, after the storage that did open is closed.
  const tokensReady = overrides.tokens ? Promise.resolve(overrides.tokens) : openTokens(config);
  tokensReady.catch(() => {});
  const storage = overrides.storage ?? (await openStorage(config.backend, overrides.engines));
  try {
    const tokens = await tokensReady;
    const { clock = new SystemClock(), ids = new RandomIdGenerator(), modules = [] } = overrides;
    const services = createContainer(storage.module(tokens.verifier), runtimeModule(clock, ids), ...modules);
    const users = services.get(TOKENS.UserDirectory);
    const conversations = services.get(TOKENS.Conversations);
    const seed = tokens.devIssuer !== null && overrides.demoData !== false;
    const demoUsers = seed ? await loadDemoData({ users, conversations, ids, now: clock.now() }) : [];
    const {
      storage: _s,
      engines: _e,
      tokens: _t,
      clock: _c,
      ids: _i,
      demoData: _d,
      modules: _m,
      eventStream,
      ...appOptions
    } = overrides;
    const app = await buildApp(
      {
        ...resolveAppDeps(services),
        eventStream,
        devIssuer: tokens.devIssuer ? { issuer: tokens.devIssuer, users } : undefined,
      },
      {
        logger: false,
        ...(config.edge ? { edge: config.edge } : {}),
        ...appOptions,
        onClose: async () => {
          await drain(conversations);
          await storage.close();
        },
      },
    );
    logGiveUps(conversations, app.log);
    return {
      app,
      services,
      demoUsers,
      devIssuer: tokens.devIssuer,
      embedded: storage.embedded,
      close: () => app.close(),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
