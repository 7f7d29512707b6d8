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
import { openStorage } from './storage.js';
import { openTokens } from './tokens.js';

export interface RunningHost {
  readonly app: FastifyInstance;
  /** Demo users (embedded and memory mode only; empty against real services). */
  readonly demoUsers: readonly User[];
  readonly devIssuer: LocalTokenIssuer | null;
  /** Stops the HTTP server, then the engines and pools behind it. */
  close(): Promise<void>;
}

/** Builds the whole host for a configuration, without listening. */
export async function createHost(
  config: HostConfig,
  options: { logger?: FastifyServerOptions['logger'] } = {},
): Promise<RunningHost> {
  const storage = await openStorage(config.backend);
  try {
    const tokens = await openTokens(config);
    const clock = new SystemClock();
    const ids = new RandomIdGenerator();
    const container = createContainer(storage.module, runtimeModule(tokens.verifier, clock, ids));
    const users = container.get<UserDirectory>(TOKENS.UserDirectory);
    const demoUsers = tokens.devIssuer
      ? await loadDemoData({
          users,
          conversations: container.get<Conversations>(TOKENS.Conversations),
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
      close: async () => {
        await app.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
