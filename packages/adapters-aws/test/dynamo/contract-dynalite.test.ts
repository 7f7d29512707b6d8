import { runConversationsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { runCompatibilitySuite } from './compatibility-suite.js';
import { type Engine, startDynalite } from './engines.js';
import { dynamoHarness } from './harness.js';

let engine: Engine;

beforeAll(async () => {
  engine = await startDynalite();
});

afterAll(async () => {
  await engine.stop();
});

runConversationsContract('DynamoConversations on dynalite', () => dynamoHarness(engine.endpoint), {
  parallelSends: 200,
  parallelOpens: 20,
});

runCompatibilitySuite('dynalite', () => dynamoHarness(engine.endpoint));
