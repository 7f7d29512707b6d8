import type { DynamoDBDocumentClient, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient } from '@cruddur/adapters-aws/dynamo';

/**
 * A DocumentClient that never reaches an engine: every call answers `recorded` at once. With
 * the engine and the network gone, what is left of a call's time is the client's and the
 * caller's own CPU, so adapter and hand-written query can be told apart without noise.
 */
export const replayClient = (recorded: QueryCommandOutput): DynamoDBDocumentClient => {
  const client = createDynamoDocumentClient({ region: 'local', endpoint: 'http://127.0.0.1:9' });
  client.middlewareStack.add(
    // Ahead of the document client's own (un)marshalling: the recorded output is already plain JS.
    () => async () => ({ output: recorded, response: {} }),
    { step: 'initialize', priority: 'high', name: 'benchReplay' },
  );
  return client;
};
