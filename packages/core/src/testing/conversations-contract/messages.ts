import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../domain/errors.js';
import { aMessage, anInstant, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

export function describeMessages(ctx: ContractContext): void {
  describe('messages', () => {
    it('stores a message as sent, with the sender at send time', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const sent = aMessage(groupUuid, a, b, { text: 'hi there 👋', sentAt: anInstant(5) });
      const stored = await ctx.conversations.append(sent);
      expect(stored).toEqual({
        uuid: sent.messageUuid,
        groupUuid,
        sender: a,
        text: 'hi there 👋',
        createdAt: anInstant(5),
      });
      expect((await ctx.conversations.listMessages(groupUuid, { limit: 10, cursor: null })).items).toEqual([
        stored,
      ]);
    });

    it('lists an empty group as one empty last page', async () => {
      const groupUuid = await ctx.pairGroup(aParticipant(), aParticipant());
      expect(await ctx.conversations.listMessages(groupUuid, { limit: 10, cursor: null })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('keeps every message sent in the same microsecond, in send order', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const stored = [];
      for (let i = 0; i < 5; i++) {
        stored.push(
          await ctx.conversations.append(
            aMessage(groupUuid, i % 2 ? b : a, i % 2 ? a : b, { sentAt: anInstant(1) }),
          ),
        );
      }
      const createdAts = stored.map((m) => m.createdAt);
      expect(new Set(createdAts).size).toBe(5);
      expect([...createdAts].sort()).toEqual(createdAts);
      const listed = (await ctx.conversations.listMessages(groupUuid, { limit: 50, cursor: null })).items;
      expect(listed.map((m) => m.uuid)).toEqual(stored.map((m) => m.uuid));
    });

    it('pages through a long conversation: newest page first, each page oldest to newest', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const sent: string[] = [];
      for (let i = 0; i < 45; i++) {
        const m = await ctx.conversations.append(
          aMessage(groupUuid, a, b, { sentAt: anInstant(i), text: `m${i}` }),
        );
        sent.push(m.uuid);
      }
      const pages = await ctx.readAll((page) => ctx.conversations.listMessages(groupUuid, page), 7);
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 3]);
      for (const page of pages) {
        const texts = page.map((m) => Number(m.text.slice(1)));
        expect([...texts].sort((x, y) => x - y)).toEqual(texts);
      }
      expect(
        pages
          .reverse()
          .flat()
          .map((m) => m.uuid),
      ).toEqual(sent);
    });

    it('rejects a cursor issued for another group', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const [one, other] = [await ctx.pairGroup(a, b), await ctx.pairGroup(a, aParticipant())];
      for (let i = 0; i < 3; i++) await ctx.conversations.append(aMessage(one, a, b, { sentAt: anInstant(i) }));
      const { nextCursor } = await ctx.conversations.listMessages(one, { limit: 2, cursor: null });
      expect(nextCursor).not.toBeNull();
      await expect(ctx.conversations.listMessages(other, { limit: 2, cursor: nextCursor })).rejects.toThrow(
        InvalidCursorError,
      );
    });

    it('rejects a cursor it did not issue', async () => {
      const groupUuid = await ctx.pairGroup(aParticipant(), aParticipant());
      await expect(
        ctx.conversations.listMessages(groupUuid, { limit: 5, cursor: 'not-a-cursor' }),
      ).rejects.toThrow(InvalidCursorError);
    });
  });
}
