import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoCallCounter {
  reset(): void;
  /** Calls since the last reset. */
  total(): number;
  /** By low-level command name (`QueryCommand`, `PutItemCommand`, …). */
  byCommand(): Record<string, number>;
  /**
   * The longest chain of calls since the last reset in which each call started only after the
   * one before it had answered: sequential round trips (calls sent together count once). An
   * upper bound: a call that merely started after an unrelated one answered counts as after it.
   */
  sequentialRoundTrips(): number;
}

/**
 * Counts every call a client makes, as middleware at the `initialize` step: once per `send`,
 * however often the SDK retries it, which is what "round trips per request" means.
 */
export const countDynamoCalls = (client: DynamoDBDocumentClient): DynamoCallCounter => {
  const counts = new Map<string, number>();
  // A call's depth: 1 + the deepest call that had answered when it started.
  let deepestAnswered = 0;
  let epoch = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const [depth, startedIn] = [deepestAnswered + 1, epoch];
      try {
        return await next(args);
      } finally {
        if (startedIn === epoch) deepestAnswered = Math.max(deepestAnswered, depth);
      }
    },
    { step: 'initialize' },
  );
  return {
    reset: () => {
      counts.clear();
      deepestAnswered = 0;
      epoch += 1;
    },
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    byCommand: () => Object.fromEntries(counts),
    sequentialRoundTrips: () => deepestAnswered,
  };
};
