import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoCallCounter {
  reset(): void;
  /** Calls since the last reset. */
  total(): number;
  /** By low-level command name (`QueryCommand`, `PutItemCommand`, …). */
  byCommand(): Record<string, number>;
}

/**
 * Counts every call a client makes, as middleware at the `initialize` step: once per `send`,
 * however often the SDK retries it, which is what "round trips per request" means.
 */
export const countDynamoCalls = (client: DynamoDBDocumentClient): DynamoCallCounter => {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize' },
  );
  return {
    reset: () => counts.clear(),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    byCommand: () => Object.fromEntries(counts),
  };
};
