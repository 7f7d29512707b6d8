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
 * Arms a crash: the `step`-th write from now reaches DynamoDB, then the caller gets an error
 * as if the process had died right after it. From then on the process is dead: every call
 * through this client fails before reaching DynamoDB (writes of the same send already under
 * way in parallel included), so nothing it queued can finish. Give the crash its own client
 * (`DynamoHarness.crashingAdapter`) and carry on with another, as a restarted host would.
 */
export const crashes = (client: DynamoDBDocumentClient) => {
  let armed: number | null = null;
  let dead: number | null = null;
  let writes = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (dead !== null) throw new InjectedCrash(dead);
      if (armed === null || !WRITES.has(context.commandName ?? '')) return next(args);
      writes += 1;
      const step = armed;
      if (writes > step) throw new InjectedCrash(step);
      if (writes < step) return next(args);
      dead = step;
      await next(args);
      throw new InjectedCrash(step);
    },
    { step: 'initialize' },
  );
  return {
    afterWrite: (step: number) => {
      armed = step;
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
