import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Test hooks around a client's `send`, as middleware: every call the adapter makes passes
 * through them, named by the low-level command (`PutItemCommand`, `QueryCommand`, …).
 */
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

export class InjectedCrash extends Error {
  constructor(step: number) {
    super(`injected crash after write ${step}`);
  }
}

/**
 * Arms a crash: the `step`-th write from now reaches DynamoDB, then the caller gets an
 * error as if the process had died right after it. With `half`, a batch write only gets its
 * first request through (a batch cut short).
 */
export const crashes = (client: DynamoDBDocumentClient) => {
  let armed: { step: number; half: boolean } | null = null;
  let writes = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (armed === null || !WRITES.has(context.commandName ?? '')) return next(args);
      writes += 1;
      if (writes !== armed.step) return next(args);
      const { step, half } = armed;
      armed = null;
      const input = args.input as { RequestItems?: Record<string, unknown[]> };
      if (half && input.RequestItems) {
        for (const table of Object.keys(input.RequestItems)) {
          input.RequestItems[table] = (input.RequestItems[table] ?? []).slice(0, 1);
        }
      }
      await next(args);
      throw new InjectedCrash(step);
    },
    { step: 'initialize' },
  );
  return {
    afterWrite: (step: number, { half = false } = {}) => {
      armed = { step, half };
      writes = 0;
    },
  };
};

/** Makes the next `times` calls fail the way DynamoDB would, below the SDK's retry loop. */
export const failsWith = (client: DynamoDBDocumentClient, error: () => Error, times: number) => {
  let left = times;
  client.middlewareStack.add(
    (next) => async (args) => {
      if (left <= 0) return next(args);
      left -= 1;
      throw error();
    },
    { step: 'deserialize' },
  );
};
