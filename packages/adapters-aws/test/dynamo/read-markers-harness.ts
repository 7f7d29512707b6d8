import { DynamoReadMarkers } from '../../src/dynamo/index.js';
import { dynamoHarness } from './harness.js';

/** `DynamoReadMarkers` on a fresh table, next to the conversations whose messages it counts. */
export const readMarkersOn = async (endpoint: string) => {
  const harness = await dynamoHarness(endpoint);
  const readMarkers = new DynamoReadMarkers({ client: harness.client, tableName: harness.tableName });
  return { ...harness, readMarkers };
};
