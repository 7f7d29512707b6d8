import { randomUUID } from 'node:crypto';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { expect } from 'vitest';
import { type crashes, InjectedCrash } from './client-hooks.js';
import type { DynamoHarness } from './harness.js';

/**
 * A pair with one delivered message ('first', from a) and a reply ('second', from b) killed
 * right after write `step` of its send (1 message row, 2 marker, 3 inbox puts, 4 deletes).
 */
export const crashedReply = async (
  { conversations }: DynamoHarness,
  crash: ReturnType<typeof crashes>,
  step: number,
  half = false,
) => {
  const [a, b] = [aParticipant(), aParticipant()];
  const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
  const first = await conversations.append(
    aMessage(groupUuid, a, b, { text: 'first', sentAt: anInstant(10) }),
  );
  const second = aMessage(groupUuid, b, a, { text: 'second', sentAt: anInstant(20) });
  crash.afterWrite(step, { half });
  await expect(conversations.append(second)).rejects.toThrow(InjectedCrash);
  return { a, b, groupUuid, first, second };
};
