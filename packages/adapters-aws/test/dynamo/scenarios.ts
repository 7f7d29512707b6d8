import { randomUUID } from 'node:crypto';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { expect } from 'vitest';
import { type crashes, InjectedCrash } from './client-hooks.js';
import type { DynamoHarness } from './harness.js';

/**
 * A pair with one delivered message ('first', from a) and a reply ('second', from b) killed
 * right after write `step` of its send (1 message row, 2 marker, 3 sender's inbox row,
 * 4 recipient's inbox row, 5 deletes).
 */
export const crashedReply = async (
  { conversations }: DynamoHarness,
  crash: ReturnType<typeof crashes>,
  step: number,
) => {
  const [a, b] = [aParticipant(), aParticipant()];
  const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
  const first = await conversations.append(
    aMessage(groupUuid, a, b, { text: 'first', sentAt: anInstant(10) }),
  );
  const second = aMessage(groupUuid, b, a, { text: 'second', sentAt: anInstant(20) });
  crash.afterWrite(step);
  await expect(conversations.append(second)).rejects.toThrow(InjectedCrash);
  return { a, b, groupUuid, first, second };
};

/**
 * The write path of a reply makes five writes: 1 message row, 2 marker, 3 and 4 both new
 * inbox rows (sender's first, the two in parallel), 5 delete the old rows (one batch). Each
 * crash point names where the send dies and the rows each member is left with (newest
 * first) by `crashedReply`. The second message is sent by b.
 */
export const CRASH_POINTS = [
  { name: 'the message row', step: 1, rowsOfA: ['first'], rowsOfB: ['first'] },
  { name: 'the marker', step: 2, rowsOfA: ['first'], rowsOfB: ['first'] },
  { name: 'one of the two new inbox rows', step: 3, rowsOfA: ['first'], rowsOfB: ['second', 'first'] },
  { name: 'both new inbox rows', step: 4, rowsOfA: ['second', 'first'], rowsOfB: ['second', 'first'] },
  {
    name: 'deleting the old rows (a send that finished but never answered)',
    step: 5,
    rowsOfA: ['second'],
    rowsOfB: ['second'],
  },
] as const;
