import { randomUUID } from 'node:crypto';
import type { Message, NewMessage, Participant } from '@cruddur/core';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { InjectedCrash } from './client-hooks.js';
import type { DynamoHarness } from './harness.js';
import { CRASH_POINTS, crashedReply } from './scenarios.js';

/**
 * Invariant 5 (design §6) on one engine, run by the dynalite and DynamoDB Local test files:
 * kill a send right after each of its writes, check what readers see, then that a retry —
 * or simply the next send — leaves exactly one row per member, carrying the latest message.
 */
export const runCrashPointSuite = (name: string, setup: () => Promise<DynamoHarness>): void => {
  describe(`crash points: ${name}`, () => {
    let harness: DynamoHarness;

    beforeAll(async () => {
      harness = await setup();
    });

    const crashedSecondSend = (step: number) => crashedReply(harness, step);

    const inboxOf = async (owner: Participant) =>
      (await harness.conversations.listInbox(owner.uuid, { limit: 10, cursor: null })).items;

    const messageUuids = async (groupUuid: string) =>
      (await harness.conversations.listMessages(groupUuid, { limit: 50, cursor: null })).items.map(
        (m) => m.uuid,
      );

    const expectConverged = async (
      members: Participant[],
      groupUuid: string,
      latest: Message | NewMessage,
    ) => {
      for (const owner of members) {
        expect(await harness.backdoor.storedInboxRows(owner.uuid)).toEqual([
          { groupUuid, lastMessage: latest.text },
        ]);
        expect((await inboxOf(owner)).map((e) => e.lastMessage)).toEqual([latest.text]);
      }
    };

    describe.each(CRASH_POINTS)('a send killed after $name', ({ step, rowsOfA, rowsOfB }) => {
      it('leaves exactly the rows written before the crash', async () => {
        const { a, b } = await crashedSecondSend(step);
        expect((await harness.backdoor.storedInboxRows(a.uuid)).map((row) => row.lastMessage)).toEqual(
          rowsOfA,
        );
        expect((await harness.backdoor.storedInboxRows(b.uuid)).map((row) => row.lastMessage)).toEqual(
          rowsOfB,
        );
      });

      it('never shows a member the group twice, nor loses it', async () => {
        const { a, b, groupUuid } = await crashedSecondSend(step);
        for (const [owner, rows] of [
          [a, rowsOfA],
          [b, rowsOfB],
        ] as const) {
          expect((await inboxOf(owner)).map((e) => [e.groupUuid, e.lastMessage])).toEqual([
            [groupUuid, rows[0]],
          ]);
        }
      });

      it('converges when the send is retried, storing the message once', async () => {
        const { a, b, groupUuid, first, second } = await crashedSecondSend(step);
        const stored = await harness.conversations.append(second);
        expect(stored.createdAt).toBe(second.sentAt);
        expect(await messageUuids(groupUuid)).toEqual([first.uuid, second.messageUuid]);
        await expectConverged([a, b], groupUuid, second);
      });

      it('converges when the next message is sent instead of a retry', async () => {
        const { a, b, groupUuid, first, second } = await crashedSecondSend(step);
        const third = await harness.conversations.append(
          aMessage(groupUuid, a, b, { text: 'third', sentAt: anInstant(30) }),
        );
        expect(await messageUuids(groupUuid)).toEqual([first.uuid, second.messageUuid, third.uuid]);
        await expectConverged([a, b], groupUuid, third);
      });
    });

    describe('a send killed after claiming the marker', () => {
      it('is finished by a later send carrying an older timestamp (a skewed clock)', async () => {
        const { a, b, groupUuid, second } = await crashedSecondSend(2);
        await harness.conversations.append(
          aMessage(groupUuid, a, b, { text: 'skewed', sentAt: anInstant(15) }),
        );
        await expectConverged([a, b], groupUuid, second);
      });
    });

    describe('an open killed between the pair lookup and the membership', () => {
      it('is completed by the next open of the pair', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const dying = harness.crashingAdapter();
        dying.crash.afterWrite(1);
        await expect(dying.conversations.openGroup([a.uuid, b.uuid], randomUUID())).rejects.toThrow(
          InjectedCrash,
        );
        const reopened = await harness.conversations.openGroup([b.uuid, a.uuid], randomUUID());
        expect(await harness.conversations.findGroupByPair(a.uuid, b.uuid)).toBe(reopened);
        expect([...((await harness.conversations.findGroupMembers(reopened)) ?? [])].sort()).toEqual(
          [a.uuid, b.uuid].sort(),
        );
      });

      it('is completed by the first message sent to the group it found', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const dying = harness.crashingAdapter();
        dying.crash.afterWrite(1);
        await expect(dying.conversations.openGroup([a.uuid, b.uuid], randomUUID())).rejects.toThrow(
          InjectedCrash,
        );
        const groupUuid = (await harness.conversations.findGroupByPair(a.uuid, b.uuid)) ?? '';
        await harness.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(1) }));
        expect([...((await harness.conversations.findGroupMembers(groupUuid)) ?? [])].sort()).toEqual(
          [a.uuid, b.uuid].sort(),
        );
      });
    });
  });
};
