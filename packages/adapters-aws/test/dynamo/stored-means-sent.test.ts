import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoHarness } from './harness.js';

/** The three ways an engine goes away, as the SDK reports them on each try of a call. */
const FAULTS = {
  stopped: () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  throttled: () =>
    Object.assign(new Error('throttled'), {
      name: 'ProvisionedThroughputExceededException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    }),
  hung: async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return Object.assign(new Error('request timed out'), { name: 'TimeoutError' });
  },
} as const;

/**
 * Below the SDK's retries: while `outage.on`, each try of a call fails, with probability
 * `rate`, before reaching the engine. Some sends then fail at their message row and some after it.
 */
const outageOn = (client: DynamoDBDocumentClient, fault: () => Error | Promise<Error>, rate: number) => {
  const outage = { on: true };
  client.middlewareStack.add(
    (next) => async (args) => {
      if (outage.on && Math.random() < rate) throw await fault();
      return next(args);
    },
    { step: 'deserialize' },
  );
  return outage;
};

/** Issue 8: a send that reports failure stored nothing; one that reports success is delivered. */
describe('a stored message is never reported as failed', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(async () => {
    await engine.stop();
  });

  it.each(Object.entries(FAULTS))('while the engine is %s', async (_, fault) => {
    let outage = { on: false };
    const harness = await dynamoHarness(engine.endpoint, {
      prepare: (client) => {
        outage = outageOn(client, fault, 0.6);
        outage.on = false;
      },
    });
    const { conversations } = harness;
    const [a, b] = [aParticipant(), aParticipant()];
    const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
    outage.on = true;
    const sends = Array.from({ length: 40 }, (_, i) =>
      aMessage(groupUuid, i % 2 ? a : b, i % 2 ? b : a, { text: `m${i}`, sentAt: anInstant(i) }),
    );
    const outcomes = await Promise.allSettled(sends.map((send) => conversations.append(send)));
    outage.on = false;
    const started = Date.now();
    await conversations.drain();
    const convergedMs = Date.now() - started;

    const answered = sends.filter((_, i) => outcomes[i]?.status === 'fulfilled').map((s) => s.messageUuid);
    const failed = sends.filter((_, i) => outcomes[i]?.status === 'rejected').map((s) => s.messageUuid);
    // Both kinds happened, so the test shows each: with 60 % of tries failing, it always does.
    expect(answered.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    const stored = (await conversations.listMessages(groupUuid, { limit: 100, cursor: null })).items;
    expect(stored.map((m) => m.uuid).sort()).toEqual([...answered].sort());
    const latest = stored.at(-1);
    for (const owner of [a, b]) {
      expect(await harness.backdoor.storedInboxRows(owner.uuid)).toEqual([
        { groupUuid, lastMessage: latest?.text },
      ]);
    }
    expect(convergedMs).toBeLessThan(10_000);
  }, 60_000);
});
