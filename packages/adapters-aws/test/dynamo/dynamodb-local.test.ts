import { runConversationsContract, runReadMarkersContract, runSendReceiptsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DynamoEngine, dynamoDbLocalRunnable, startDynamoDbLocal } from '@cruddur/engines';
import { runCompatibilitySuite } from './compatibility-suite.js';
import { runCrashPointSuite } from './crash-points-suite.js';
import { dynamoHarness } from './harness.js';
import { runOriginalGroupsSuite } from './original-groups-suite.js';
import { readMarkersOn } from './read-markers-harness.js';
import { receiptsOn } from './receipts-harness.js';

describe.runIf(dynamoDbLocalRunnable())('on DynamoDB Local', () => {
  let engine: DynamoEngine | undefined;

  beforeAll(async () => {
    engine = await startDynamoDbLocal();
  });

  afterAll(async () => {
    await engine?.stop();
  });

  const harness = () => {
    if (engine === undefined) throw new Error('DynamoDB Local did not start');
    return dynamoHarness(engine.endpoint);
  };

  runConversationsContract('DynamoConversations on DynamoDB Local', harness, {
    parallelSends: 200,
    parallelOpens: 20,
  });
  runCompatibilitySuite('DynamoDB Local', harness);
  runCrashPointSuite('DynamoDB Local', harness);
  runOriginalGroupsSuite('DynamoDB Local', harness);
  runSendReceiptsContract('DynamoSendReceipts on DynamoDB Local', async () => {
    if (engine === undefined) throw new Error('DynamoDB Local did not start');
    return (await receiptsOn(engine.endpoint)).receipts;
  });
  runReadMarkersContract('DynamoReadMarkers on DynamoDB Local', () => {
    if (engine === undefined) throw new Error('DynamoDB Local did not start');
    return readMarkersOn(engine.endpoint);
  });
});
