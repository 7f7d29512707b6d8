import type { BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { type BatchSend, batchWrite, type WriteRequest } from '../../src/cli/ddb/batch-write.js';
import { CliError } from '../../src/cli/errors.js';

const TABLE = 'messages';
const puts = (n: number): WriteRequest[] =>
  Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { pk: 'MSG#g', sk: String(i) } } }));

/** A table that, like a throttled DynamoDB, processes only `accepted(call, size)` items of a call. */
const throttledTable = (accepted: (call: number, size: number) => number) => {
  const calls: WriteRequest[][] = [];
  const stored: WriteRequest[] = [];
  const send: BatchSend = async (input: BatchWriteCommandInput) => {
    const batch = input.RequestItems?.[TABLE] ?? [];
    calls.push(batch);
    const cut = accepted(calls.length, batch.length);
    stored.push(...batch.slice(0, cut));
    const rest = batch.slice(cut);
    return { $metadata: {}, UnprocessedItems: rest.length > 0 ? { [TABLE]: rest } : {} };
  };
  return { send, calls, stored };
};

describe('batchWrite', () => {
  it('sends chunks of at most 25 and reports progress after each', async () => {
    const table = throttledTable((_, size) => size);
    const progress: number[] = [];
    await batchWrite(table.send, TABLE, puts(60), { onProgress: (done) => progress.push(done) });
    expect(table.calls.map((c) => c.length)).toEqual([25, 25, 10]);
    expect(progress).toEqual([25, 50, 60]);
  });

  it('sends unprocessed items again until every item is stored, once', async () => {
    const table = throttledTable((call, size) => (call <= 3 ? Math.ceil(size / 2) : size));
    await batchWrite(table.send, TABLE, puts(30), { baseDelayMs: 1 });
    const keys = (requests: WriteRequest[]) => requests.map((r) => String(r.PutRequest?.Item?.sk)).sort();
    expect(keys(table.stored)).toEqual(keys(puts(30)));
    // The first chunk: 25 sent, 12 left, 6 left, 3 left, done; then the last 5 in one call.
    expect(table.calls.map((c) => c.length)).toEqual([25, 12, 6, 3, 5]);
  });

  it('fails loudly, saying how many items remain, when retries run out', async () => {
    const table = throttledTable((call, size) => (call === 1 ? size - 1 : 0));
    const failure = batchWrite(table.send, TABLE, puts(4), { maxRetries: 2, baseDelayMs: 1 });
    await expect(failure).rejects.toThrow(CliError);
    await expect(failure).rejects.toThrow(
      '1 item was still unprocessed after 2 retries (is table messages throttled?); 3 of 4 were written',
    );
    expect(table.calls).toHaveLength(3);
  });
});
