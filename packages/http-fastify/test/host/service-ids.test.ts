import { InMemoryUserDirectory, SteppingClock } from '@cruddur/adapters-memory';
import type { Clock, UserDirectory } from '@cruddur/core';
import { ContainerModule } from 'inversify';
import { expect, it } from 'vitest';
import { createContainer, memoryModule, runtimeModule } from '../../src/container.js';
import { TOKENS, typedBind } from '../../src/service-ids.js';

// The `@ts-expect-error` lines are the test: `npm test` typechecks this file, and tsc fails on
// an expect-error that no longer errs, i.e. if the identifiers stopped carrying their types.
const verifier = { verify: () => Promise.reject(new Error('no tokens here')) };

it('resolves what the identifier names, and a wrong type does not compile', () => {
  const clock = new SteppingClock();
  const services = createContainer(memoryModule(verifier), runtimeModule(clock));
  const resolved: Clock = services.get(TOKENS.Clock);
  expect(resolved).toBe(clock);
  expect(services.get(TOKENS.TokenVerifier)).toBe(verifier);
  // @ts-expect-error a Clock is not a UserDirectory
  const wrong: UserDirectory = services.get(TOKENS.Clock);
  // @ts-expect-error naming another type for the identifier fails too
  services.get<UserDirectory>(TOKENS.Clock);
  expect(wrong).toBe(clock);
});

it('binds only what the identifier names', () => {
  const module = new ContainerModule(({ bind }) => {
    // @ts-expect-error a UserDirectory bound where the Clock goes
    typedBind(bind)(TOKENS.Clock).toConstantValue(new InMemoryUserDirectory());
  });
  expect(module).toBeInstanceOf(ContainerModule);
});
