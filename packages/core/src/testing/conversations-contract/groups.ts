import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MessageGroupNotFoundError } from '../../domain/errors.js';
import { aMessage, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

export function describeGroups(ctx: ContractContext, parallelOpens: number): void {
  describe('groups', () => {
    it('opens a group findable by either member order', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const proposed = randomUUID();
      const groupUuid = await ctx.conversations.openGroup([a.uuid, b.uuid], proposed);
      expect(groupUuid).toBe(proposed);
      expect(await ctx.conversations.findGroupByPair(a.uuid, b.uuid)).toBe(groupUuid);
      expect(await ctx.conversations.findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
      expect([...((await ctx.conversations.findGroupMembers(groupUuid)) ?? [])].sort()).toEqual(
        [a.uuid, b.uuid].sort(),
      );
    });

    it('answers null for unknown groups and pairs', async () => {
      expect(await ctx.conversations.findGroupMembers(randomUUID())).toBeNull();
      expect(await ctx.conversations.findGroupByPair(randomUUID(), randomUUID())).toBeNull();
    });

    it('keeps the first group when the pair opens again', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const first = await ctx.pairGroup(a, b);
      expect(await ctx.conversations.openGroup([b.uuid, a.uuid], randomUUID())).toBe(first);
    });

    it('makes a group uuid that was never opened the group of the first send into it', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = randomUUID();
      const stored = await ctx.conversations.append(aMessage(groupUuid, a, b, { text: 'first' }));
      expect(stored).toMatchObject({ groupUuid, sender: a, text: 'first' });
      expect([...((await ctx.conversations.findGroupMembers(groupUuid)) ?? [])].sort()).toEqual(
        [a.uuid, b.uuid].sort(),
      );
      expect(await ctx.conversations.findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
      const listed = await ctx.conversations.listMessages(groupUuid, { limit: 10, cursor: null });
      expect(listed.items.map((m) => m.uuid)).toEqual([stored.uuid]);
      for (const owner of [a, b]) {
        expect(await ctx.backdoor.storedInboxRows(owner.uuid)).toEqual([{ groupUuid, lastMessage: 'first' }]);
      }
    });

    it('refuses a send into an existing group by anyone but its two members, and stores nothing', async () => {
      const [a, b, outsider] = [aParticipant(), aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      await ctx.conversations.append(aMessage(groupUuid, a, b, { text: 'ours' }));
      for (const [sender, recipient] of [
        [outsider, b],
        [a, outsider],
        [outsider, a],
      ] as const) {
        await expect(ctx.conversations.append(aMessage(groupUuid, sender, recipient))).rejects.toBeInstanceOf(
          MessageGroupNotFoundError,
        );
      }
      const listed = await ctx.conversations.listMessages(groupUuid, { limit: 10, cursor: null });
      expect(listed.items.map((m) => m.text)).toEqual(['ours']);
      expect(await ctx.backdoor.storedInboxRows(outsider.uuid)).toEqual([]);
      for (const owner of [a, b]) {
        expect(await ctx.backdoor.storedInboxRows(owner.uuid)).toEqual([{ groupUuid, lastMessage: 'ours' }]);
      }
      expect(await ctx.conversations.findGroupByPair(a.uuid, outsider.uuid)).toBeNull();
    });

    it('refuses a first send into a never-opened group from a user to themself', async () => {
      const a = aParticipant();
      const groupUuid = randomUUID();
      await expect(ctx.conversations.append(aMessage(groupUuid, a, a))).rejects.toBeInstanceOf(
        MessageGroupNotFoundError,
      );
      expect(await ctx.conversations.findGroupMembers(groupUuid)).toBeNull();
      expect(await ctx.backdoor.storedInboxRows(a.uuid)).toEqual([]);
    });

    it(`makes one group when both members start it at once (${parallelOpens} parallel)`, async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const uuids = await Promise.all(
        Array.from({ length: parallelOpens }, (_, i) =>
          ctx.conversations.openGroup(i % 2 ? [a.uuid, b.uuid] : [b.uuid, a.uuid], randomUUID()),
        ),
      );
      expect(new Set(uuids).size).toBe(1);
      expect(await ctx.conversations.findGroupByPair(a.uuid, b.uuid)).toBe(uuids[0]);
    });
  });
}
