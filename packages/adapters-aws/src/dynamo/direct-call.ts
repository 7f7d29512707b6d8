import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DirectTransport } from './direct-transport.js';
import { hooksOf } from './sdk-hooks.js';
import { inputToWire, outputFromWire } from './wire-form.js';

/**
 * One call through the direct transport, plain input to plain output, with the client's added
 * middleware (if any) around it where the SDK would run it (sdk-hooks.ts). Errors are the SDK's
 * shapes, untranslated.
 */
export const callDirect = async (
  transport: DirectTransport,
  client: DynamoDBDocumentClient,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> => {
  const attempt = (wire: Record<string, unknown>) => transport.attempt(operation, wire);
  const hooks = hooksOf(client, transport.sdkNames, `${operation}Command`);
  if (hooks === null) return outputFromWire(await transport.call(() => attempt(inputToWire(input))));
  const perAttempt = hooks.perAttempt(async (args) => ({ output: await attempt(args.input), response: {} }));
  const outer = hooks.outer(async (args) => {
    const wire = inputToWire(args.input);
    const { output } = await transport.call(() => perAttempt({ input: wire, request: {} }));
    return { output: outputFromWire(output), response: {} };
  });
  return (await outer({ input })).output;
};
