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

/**
 * The write path of a reply makes four writes: 1 message row, 2 marker, 3 both new inbox
 * rows (one batch), 4 delete the old rows (one batch). Each crash point names where the
 * send dies and the rows each member is left with (newest first) by `crashedReply`.
 */
export const CRASH_POINTS = [
  { name: 'the message row', step: 1, half: false, rowsOfA: ['first'], rowsOfB: ['first'] },
  { name: 'the marker', step: 2, half: false, rowsOfA: ['first'], rowsOfB: ['first'] },
  // The batch puts the sender's row first; the second message is sent by b.
  {
    name: 'one of the two new inbox rows',
    step: 3,
    half: true,
    rowsOfA: ['first'],
    rowsOfB: ['second', 'first'],
  },
  {
    name: 'both new inbox rows',
    step: 3,
    half: false,
    rowsOfA: ['second', 'first'],
    rowsOfB: ['second', 'first'],
  },
  {
    name: 'deleting the old rows (a send that finished but never answered)',
    step: 4,
    half: false,
    rowsOfA: ['second'],
    rowsOfB: ['second'],
  },
] as const;
