import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import {
  type Conversations,
  RandomIdGenerator,
  SystemClock,
  type User,
  type UserDirectory,
} from '@cruddur/core';
import { loadDemoData } from '@cruddur/core/demo';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';
import type { HostConfig } from './config.js';
import { createContainer, resolveAppDeps, runtimeModule, TOKENS } from './container.js';
import { openStorage, type Storage } from './storage.js';
import { openTokens } from './tokens.js';

export interface RunningHost {
  readonly app: FastifyInstance;
  /** Demo users (embedded and memory mode only; empty against real services). */
  readonly demoUsers: readonly User[];
  readonly devIssuer: LocalTokenIssuer | null;
  /** The embedded engines (embedded mode only): where their data lives, what dynalite served. */
  readonly embedded: Storage['embedded'];
  /**
   * Stops the HTTP server (requests in flight finish; open event streams must end in a
   * `preClose` hook of the app), then lets the adapters finish their background work, then
   * closes the pools and engines behind them.
   */
  close(): Promise<void>;
}

/**
 * An adapter that does work after answering (the DynamoDB adapter finishing inbox steps in
 * the background) has a `close()` that finishes or hands it over; called once no request is left.
 */
async function drain(port: object): Promise<void> {
  const close = (port as { close?: unknown }).close;
  if (typeof close === 'function') await close.call(port);
}

/** Builds the whole host for a configuration, without listening. */
export async function createHost(
  config: HostConfig,
  options: { logger?: FastifyServerOptions['logger'] } = {},
): Promise<RunningHost> {
  // The issuer's keys are made while the engines start (startup time); a failure of either is
  // reported below, after the storage that did open is closed.
  const tokensReady = openTokens(config);
  tokensReady.catch(() => {});
  const storage = await openStorage(config.backend);
  try {
    const tokens = await tokensReady;
    const clock = new SystemClock();
    const ids = new RandomIdGenerator();
    const container = createContainer(storage.module, runtimeModule(tokens.verifier, clock, ids));
    const users = container.get<UserDirectory>(TOKENS.UserDirectory);
    const conversations = container.get<Conversations>(TOKENS.Conversations);
    const demoUsers = tokens.devIssuer
      ? await loadDemoData({
          users,
          conversations,
          ids,
          now: clock.now(),
        })
      : [];
    const devIssuer = tokens.devIssuer ? { issuer: tokens.devIssuer, users } : undefined;
    const app = await buildApp(
      { ...resolveAppDeps(container), devIssuer },
      { logger: options.logger ?? false, ...(config.edge ? { edge: config.edge } : {}) },
    );
    return {
      app,
      demoUsers,
      devIssuer: tokens.devIssuer,
      embedded: storage.embedded,
      close: async () => {
        await app.close();
        await drain(conversations);
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
