import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../domain/errors.js';
import type { Participant } from '../../domain/user.js';
import { aMessage, anInstant, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

export function describeInbox(ctx: ContractContext): void {
  describe('inbox', () => {
    it('shows each member the other member and the last message', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      await ctx.conversations.append(aMessage(groupUuid, a, b, { text: 'first', sentAt: anInstant(1) }));
      await ctx.conversations.append(aMessage(groupUuid, b, a, { text: 'reply', sentAt: anInstant(2) }));
      const inboxA = await ctx.conversations.listInbox(a.uuid, { limit: 10, cursor: null });
      const inboxB = await ctx.conversations.listInbox(b.uuid, { limit: 10, cursor: null });
      // The last sender lets read state skip reading messages for an entry its owner sent last.
      const last = { lastMessage: 'reply', lastMessageAt: anInstant(2), lastSenderUuid: b.uuid };
      expect(inboxA).toEqual({
        items: [{ groupUuid, otherUser: b, ...last }],
        nextCursor: null,
      });
      expect(inboxB.items).toEqual([
        { groupUuid, otherUser: a, ...last },
      ]);
      expect(await ctx.backdoor.storedInboxRows(a.uuid)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
      expect(await ctx.backdoor.storedInboxRows(b.uuid)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
    });

    it('orders groups by latest activity', async () => {
      const [me, b, c, d] = [aParticipant(), aParticipant(), aParticipant(), aParticipant()];
      const groups = new Map<Participant, string>();
      for (const [i, other] of [b, c, d].entries()) {
        const groupUuid = await ctx.pairGroup(me, other);
        groups.set(other, groupUuid);
        await ctx.conversations.append(aMessage(groupUuid, me, other, { sentAt: anInstant(i) }));
      }
      await ctx.conversations.append(aMessage(groups.get(b) ?? '', b, me, { sentAt: anInstant(10) }));
      const inbox = await ctx.conversations.listInbox(me.uuid, { limit: 10, cursor: null });
      expect(inbox.items.map((e) => e.otherUser.handle)).toEqual([b.handle, d.handle, c.handle]);
    });

    it('never lets an older send replace a newer last message', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      await ctx.conversations.append(aMessage(groupUuid, a, b, { text: 'newer', sentAt: anInstant(20) }));
      await ctx.conversations.append(aMessage(groupUuid, b, a, { text: 'older', sentAt: anInstant(10) }));
      const inbox = await ctx.conversations.listInbox(a.uuid, { limit: 10, cursor: null });
      expect(inbox.items.map((e) => e.lastMessage)).toEqual(['newer']);
      expect(await ctx.backdoor.storedInboxRows(b.uuid)).toEqual([{ groupUuid, lastMessage: 'newer' }]);
      const texts = (await ctx.conversations.listMessages(groupUuid, { limit: 10, cursor: null })).items.map(
        (m) => m.text,
      );
      expect(texts).toEqual(['older', 'newer']);
    });

    it('shows two groups whose last messages share an instant', async () => {
      const [me, b, c] = [aParticipant(), aParticipant(), aParticipant()];
      for (const other of [b, c]) {
        const groupUuid = await ctx.pairGroup(me, other);
        await ctx.conversations.append(aMessage(groupUuid, other, me, { sentAt: anInstant(7) }));
      }
      const inbox = await ctx.conversations.listInbox(me.uuid, { limit: 10, cursor: null });
      expect(inbox.items.map((e) => e.otherUser.uuid).sort()).toEqual([b.uuid, c.uuid].sort());
    });

    it('pages through a large inbox, every group exactly once, newest first', async () => {
      const me = aParticipant();
      const expected: string[] = [];
      for (let i = 0; i < 60; i++) {
        const other = aParticipant();
        const groupUuid = await ctx.pairGroup(me, other);
        await ctx.conversations.append(aMessage(groupUuid, other, me, { sentAt: anInstant(i) }));
        expected.unshift(groupUuid);
      }
      const pages = await ctx.readAll((page) => ctx.conversations.listInbox(me.uuid, page), 7);
      expect(pages.flat().map((e) => e.groupUuid)).toEqual(expected);
    });

    it('rejects a cursor it did not issue', async () => {
      await expect(
        ctx.conversations.listInbox(randomUUID(), { limit: 5, cursor: 'bm90IGEgY3Vyc29y' }),
      ).rejects.toThrow(InvalidCursorError);
    });
  });
}
