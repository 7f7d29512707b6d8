import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoTally {
  readonly calls: number;
  /** e.g. `{ Query: 1 }`, by low-level operation name. */
  readonly byOperation: Readonly<Record<string, number>>;
}

export interface DynamoMeter {
  reset(): void;
  tally(): DynamoTally;
}

/**
 * Counts every call a client makes, as middleware at the `initialize` step: once per `send`,
 * however many times the SDK retries it, which is what "round trips per request" means here.
 */
export const meterDynamo = (client: DynamoDBDocumentClient): DynamoMeter => {
  const byOperation = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchDynamoMeter' },
  );
  return {
    reset: () => byOperation.clear(),
    tally: () => ({
      calls: [...byOperation.values()].reduce((sum, n) => sum + n, 0),
      byOperation: Object.fromEntries(byOperation),
    }),
  };
};
