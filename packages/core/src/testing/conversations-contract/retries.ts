import { describe, expect, it } from 'vitest';
import { aMessage, anInstant, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

/** What an idempotent send relies on: appending a stored message again stores nothing new. */
export function describeRetries(ctx: ContractContext, parallelRetries: number): void {
  describe('retried appends', () => {
    const everyUuid = async (groupUuid: string) =>
      (await ctx.conversations.listMessages(groupUuid, { limit: 50, cursor: null })).items.map((m) => m.uuid);

    it('returns the stored message to a retry with the same uuid and time, storing it once', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      // Another message in the same microsecond first, so the retried one sits one later.
      await ctx.conversations.append(aMessage(groupUuid, b, a, { sentAt: anInstant(3) }));
      const sent = aMessage(groupUuid, a, b, { sentAt: anInstant(3) });
      const first = await ctx.conversations.append(sent);
      const again = await ctx.conversations.append(sent);
      expect(again).toEqual(first);
      expect(first.createdAt).toBe(anInstant(3, 1));
      expect((await everyUuid(groupUuid)).filter((uuid) => uuid === sent.messageUuid)).toHaveLength(1);
      expect(await ctx.backdoor.storedInboxRows(a.uuid)).toEqual([{ groupUuid, lastMessage: sent.text }]);
    });

    it(`stores a message once when ${parallelRetries} copies of it are appended at once`, async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const sent = aMessage(groupUuid, a, b, { sentAt: anInstant(7) });
      const stored = await Promise.all(Array.from({ length: parallelRetries }, () => ctx.conversations.append(sent)));
      expect(new Set(stored.map((m) => m.createdAt))).toEqual(new Set([anInstant(7)]));
      expect(await everyUuid(groupUuid)).toEqual([sent.messageUuid]);
      for (const owner of [a, b]) {
        expect(await ctx.backdoor.storedInboxRows(owner.uuid)).toEqual([{ groupUuid, lastMessage: sent.text }]);
      }
    });
  });
}
