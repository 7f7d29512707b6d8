import { runConversationsContract } from '@cruddur/core/testing';
import { afterAll } from 'vitest';
import { type Engine, startDynalite } from './engines.js';
import { dynamoHarness } from './harness.js';

let engine: Engine | undefined;

runConversationsContract(
  'DynamoConversations on dynalite',
  async () => {
    engine = await startDynalite();
    return dynamoHarness(engine.endpoint);
  },
  { parallelSends: 200, parallelOpens: 20 },
);

afterAll(async () => {
  await engine?.stop();
});
