import { runConversationsContract } from '@cruddur/core/testing';
import { afterAll, describe } from 'vitest';
import { dynamoDbLocalRunnable } from './dynamodb-local.js';
import { type Engine, startDynamoDbLocal } from './engines.js';
import { dynamoHarness } from './harness.js';

let engine: Engine | undefined;

describe.runIf(dynamoDbLocalRunnable())('on DynamoDB Local', () => {
  runConversationsContract(
    'DynamoConversations on DynamoDB Local',
    async () => {
      engine = await startDynamoDbLocal();
      return dynamoHarness(engine.endpoint);
    },
    { parallelSends: 200, parallelOpens: 20 },
  );

  afterAll(async () => {
    await engine?.stop();
  });
});
