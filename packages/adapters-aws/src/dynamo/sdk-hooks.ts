import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Middleware that someone added to a DocumentClient after `createDynamoDocumentClient` made it
 * (call counters, fault and crash injection in tests, timing in the bench) runs around the
 * direct transport too, as the SDK would run it: `initialize` to `finalizeRequest` once per call
 * with the plain input and output, `deserialize` once per attempt, below the retry loop, with
 * the wire input. `context.commandName` is the low-level command's (`PutItemCommand`, …).
 * Without any such middleware (production), the call goes straight to the transport.
 */
type Args = { input: Record<string, unknown>; request?: unknown };
type Result = { output: Record<string, unknown>; response: unknown };
type Handler = (args: Args) => Promise<Result>;
type Middleware = (next: Handler, context: Record<string, unknown>) => Handler;
interface Entry {
  middleware: Middleware;
  step?: string;
  priority?: string;
  name?: string;
  relation?: string;
}

const STEPS: Record<string, number> = {
  initialize: 5,
  serialize: 4,
  build: 3,
  finalizeRequest: 2,
  deserialize: 1,
};
const PRIORITIES: Record<string, number> = { high: 3, normal: 2, low: 1 };

const entriesOf = (client: DynamoDBDocumentClient): Entry[] => {
  const entries: Entry[] = [];
  const record = (middleware: Middleware, options: Omit<Entry, 'middleware'>) => {
    entries.push({ ...options, middleware });
  };
  client.middlewareStack.applyToStack({ add: record, addRelativeTo: record } as never);
  return entries;
};

/** The names of the SDK's own middleware, taken when the client is made. */
export const sdkMiddlewareNames = (client: DynamoDBDocumentClient): ReadonlySet<string> =>
  new Set(entriesOf(client).flatMap((entry) => (entry.name ? [entry.name] : [])));

export interface Hooks {
  /** Around the whole call (plain input and output). */
  readonly outer: (core: Handler) => Handler;
  /** Around one attempt (wire input and output). */
  readonly perAttempt: (attempt: Handler) => Handler;
}

const compose = (entries: Entry[], context: Record<string, unknown>) => (last: Handler) =>
  entries.reduceRight<Handler>((next, entry) => entry.middleware(next, context), last);

export const hooksOf = (
  client: DynamoDBDocumentClient,
  sdkNames: ReadonlySet<string>,
  commandName: string,
): Hooks | null => {
  const added = entriesOf(client).filter((entry) => !(entry.name && sdkNames.has(entry.name)));
  if (added.length === 0) return null;
  if (added.some((entry) => entry.relation !== undefined))
    throw new Error('middleware added relative to another is not supported on this client');
  const weight = (entry: Entry) =>
    (STEPS[entry.step ?? 'initialize'] ?? 0) * 10 + (PRIORITIES[entry.priority ?? 'normal'] ?? 0);
  const sorted = [...added].sort((a, b) => weight(b) - weight(a));
  const context = { commandName, clientName: 'DynamoDBClient' };
  return {
    outer: compose(
      sorted.filter((entry) => entry.step !== 'deserialize'),
      context,
    ),
    perAttempt: compose(
      sorted.filter((entry) => entry.step === 'deserialize'),
      context,
    ),
  };
};
