import { randomUUID } from 'node:crypto';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { expect } from 'vitest';
import { InjectedCrash } from './client-hooks.js';
import type { DynamoHarness } from './harness.js';

/**
 * A pair with one delivered message ('first', from a) and a reply ('second', from b) whose
 * host dies right after write `step` of its send (1 message row, 2 marker, 3 sender's inbox
 * row, 4 recipient's inbox row, 5 the sweep's batch delete of the replaced rows, in the
 * background). Dying
 * after step 1 the send gets no answer; after that it has answered (the message is stored).
 */
export const crashedReply = async (harness: DynamoHarness, step: number) => {
  const { conversations } = harness;
  const [a, b] = [aParticipant(), aParticipant()];
  const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
  const first = await conversations.append(
    aMessage(groupUuid, a, b, { text: 'first', sentAt: anInstant(10) }),
  );
  await conversations.drain();
  const second = aMessage(groupUuid, b, a, { text: 'second', sentAt: anInstant(20) });
  const dying = harness.crashingAdapter();
  dying.crash.afterWrite(step);
  if (step === 1) await expect(dying.conversations.append(second)).rejects.toThrow(InjectedCrash);
  else await expect(dying.conversations.append(second)).resolves.toMatchObject({ uuid: second.messageUuid });
  // Its background work fails with it: the dead host finishes nothing.
  await dying.conversations.drain();
  return { a, b, groupUuid, first, second };
};

/**
 * Each crash point names where the host dies and the rows each member is left with (newest
 * first) by `crashedReply`. The second message is sent by b, whose row is written first.
 */
export const CRASH_POINTS = [
  { name: 'the message row', step: 1, rowsOfA: ['first'], rowsOfB: ['first'] },
  { name: 'the marker', step: 2, rowsOfA: ['first'], rowsOfB: ['first'] },
  { name: 'one of the two new inbox rows', step: 3, rowsOfA: ['first'], rowsOfB: ['second', 'first'] },
  { name: 'both new inbox rows', step: 4, rowsOfA: ['second', 'first'], rowsOfB: ['second', 'first'] },
  {
    name: 'the sweep deleting the replaced rows',
    step: 5,
    rowsOfA: ['second'],
    rowsOfB: ['second'],
  },
] as const;
