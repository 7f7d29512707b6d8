import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aMessage, anInstant, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

/** Hundreds of parallel writes on a shared 2-core CI box can take far longer than one request. */
const CONCURRENCY_TIMEOUT_MS = 90_000;

export function describeConcurrency(
  ctx: ContractContext,
  parallelSends: number,
  parallelOpens: number,
  interleaves: boolean,
): void {
  const when = interleaves
    ? 'at once'
    : 'at one instant (one after another: the adapter never yields mid-call)';
  describe('concurrency', () => {
    it(`keeps all ${parallelSends} messages sent into one group ${when}, and one inbox row each`, async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const stored = await Promise.all(
        Array.from({ length: parallelSends }, (_, i) =>
          ctx.conversations.append(
            aMessage(groupUuid, i % 2 ? b : a, i % 2 ? a : b, { sentAt: anInstant(3), text: `p${i}` }),
          ),
        ),
      );
      expect(new Set(stored.map((m) => m.createdAt)).size).toBe(parallelSends);
      const pages = await ctx.readAll((page) => ctx.conversations.listMessages(groupUuid, page), 50);
      const listed = pages.reverse().flat();
      expect(listed).toHaveLength(parallelSends);
      expect(new Set(listed.map((m) => m.uuid))).toEqual(new Set(stored.map((m) => m.uuid)));
      const last = listed.at(-1);
      for (const owner of [a, b]) {
        const rows = await ctx.backdoor.storedInboxRows(owner.uuid);
        expect(rows).toEqual([{ groupUuid, lastMessage: last?.text }]);
        const inbox = await ctx.conversations.listInbox(owner.uuid, { limit: 10, cursor: null });
        expect(inbox.items.map((e) => [e.lastMessage, e.lastMessageAt])).toEqual([
          [last?.text, last?.createdAt],
        ]);
      }
    }, CONCURRENCY_TIMEOUT_MS);

    it(`converges when both members start the conversation and send ${when}`, async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const sends = Array.from({ length: parallelOpens }, async (_, i) => {
        const [from, to] = i % 2 ? [a, b] : [b, a];
        const groupUuid =
          (await ctx.conversations.findGroupByPair(from.uuid, to.uuid)) ??
          (await ctx.conversations.openGroup([from.uuid, to.uuid], randomUUID()));
        return ctx.conversations.append(aMessage(groupUuid, from, to, { sentAt: anInstant(4) }));
      });
      const stored = await Promise.all(sends);
      const groupUuids = new Set(stored.map((m) => m.groupUuid));
      expect(groupUuids.size).toBe(1);
      // Fixed-width instants: the greatest string is the latest message.
      const newest = [...stored].sort((x, y) => (x.createdAt < y.createdAt ? -1 : 1)).at(-1);
      for (const owner of [a, b]) {
        const rows = await ctx.backdoor.storedInboxRows(owner.uuid);
        expect(rows).toEqual([{ groupUuid: newest?.groupUuid, lastMessage: newest?.text }]);
      }
    }, CONCURRENCY_TIMEOUT_MS);
  });
}
