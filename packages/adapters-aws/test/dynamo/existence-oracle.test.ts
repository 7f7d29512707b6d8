import { randomUUID } from 'node:crypto';
import { aMessage, aParticipant } from '@cruddur/core/testing';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoHarness } from './harness.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
};

/** Issue 8 item 5: how long a membership answer takes tells no outsider whether a group exists. */
describe('no existence oracle in group lookups', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('answers a non-member of a real group and anyone asking for a random uuid alike', async () => {
    const { conversations } = await dynamoHarness(engine.endpoint);
    const [a, b] = [aParticipant(), aParticipant()];
    const real = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
    await conversations.append(aMessage(real, a, b));
    // The members' own reads warm the cache: the case the old cache answered an outsider from.
    expect(await conversations.findGroupMembers(real, a.uuid)).toContain(a.uuid);
    const time = async (group: string) => {
      const started = performance.now();
      await conversations.findGroupMembers(group, randomUUID());
      return performance.now() - started;
    };
    /** One measure: 120 interleaved pairs after 10 warm-up rounds; the two medians and how far apart. */
    const measure = async () => {
      const samples = { real: [] as number[], random: [] as number[] };
      for (let round = 0; round < 130; round++) {
        // Alternating order, so a machine slowing down or speeding up hits both kinds alike.
        const order = round % 2 ? (['real', 'random'] as const) : (['random', 'real'] as const);
        for (const kind of order) {
          const ms = await time(kind === 'real' ? real : randomUUID());
          if (round >= 10) samples[kind].push(ms);
        }
      }
      const [realMedian, randomMedian] = [median(samples.real), median(samples.random)];
      const gap = Math.abs(realMedian - randomMedian) / Math.max(realMedian, randomMedian);
      console.info(`membership lookups by outsiders: real group median ${realMedian.toFixed(2)} ms, random uuid ${randomMedian.toFixed(2)} ms (${(gap * 100).toFixed(0)} % apart)`);
      return gap;
    };
    // A shared CI machine can stall one kind's samples for a while: up to three measures, and the
    // medians must come within 20 % in one of them. The oracle this replaced was 4-5x apart in
    // every measure, so it still fails.
    const gaps: number[] = [];
    while (gaps.length < 3 && !gaps.some((gap) => gap < 0.2)) gaps.push(await measure());
    expect(Math.min(...gaps)).toBeLessThan(0.2);
  }, 180_000);

  it('still answers a member from memory, and a repeated refusal too', async () => {
    const harness = await dynamoHarness(engine.endpoint);
    const [a, b, stranger] = [aParticipant(), aParticipant(), randomUUID()];
    const group = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
    expect(await harness.conversations.findGroupMembers(group, stranger)).toEqual([a.uuid, b.uuid]);
    await harness.client.destroy();
    // No client left: only memory can answer these.
    expect(await harness.conversations.findGroupMembers(group, b.uuid)).toEqual([a.uuid, b.uuid]);
    expect(await harness.conversations.findGroupMembers(group, stranger)).toEqual([a.uuid, b.uuid]);
  });
});
