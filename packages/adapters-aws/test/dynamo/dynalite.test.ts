import { runConversationsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { runCompatibilitySuite } from './compatibility-suite.js';
import { runCrashPointSuite } from './crash-points-suite.js';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { dynamoHarness } from './harness.js';
import { runOriginalGroupsSuite } from './original-groups-suite.js';

let engine: DynamoEngine;

beforeAll(async () => {
  engine = await startDynalite();
});

afterAll(async () => {
  await engine.stop();
});

const harness = () => dynamoHarness(engine.endpoint);

runConversationsContract('DynamoConversations on dynalite', harness, {
  parallelSends: 200,
  parallelOpens: 20,
});
runCompatibilitySuite('dynalite', harness);
runCrashPointSuite('dynalite', harness);
runOriginalGroupsSuite('dynalite', harness);
