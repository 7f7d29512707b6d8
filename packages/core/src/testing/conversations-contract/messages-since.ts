import { describe, expect, it } from 'vitest';
import { aMessage, anInstant, aParticipant } from '../builders.js';
import type { ContractContext } from './context.js';

/** `listMessagesSince`: how an event stream reads what a reconnecting client missed. */
export function describeMessagesSince(ctx: ContractContext): void {
  describe('messages since an instant', () => {
    it('lists the messages after the instant, oldest first, up to the limit', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const stored = [];
      for (let i = 0; i < 8; i++) {
        stored.push(await ctx.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(i), text: `m${i}` })));
      }
      const after = stored[2]?.createdAt ?? '';
      const since = await ctx.conversations.listMessagesSince(groupUuid, after, 3);
      expect(since).toEqual(stored.slice(3, 6));
      const rest = await ctx.conversations.listMessagesSince(groupUuid, since.at(-1)?.createdAt ?? '', 100);
      expect(rest.map((m) => m.text)).toEqual(['m6', 'm7']);
    });

    it('excludes the instant itself and tells messages a microsecond apart', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await ctx.pairGroup(a, b);
      const first = await ctx.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(1) }));
      const second = await ctx.conversations.append(aMessage(groupUuid, b, a, { sentAt: anInstant(1) }));
      expect(await ctx.conversations.listMessagesSince(groupUuid, first.createdAt, 10)).toEqual([second]);
      expect(await ctx.conversations.listMessagesSince(groupUuid, second.createdAt, 10)).toEqual([]);
    });

    it('lists nothing for a group without messages', async () => {
      const groupUuid = await ctx.pairGroup(aParticipant(), aParticipant());
      expect(await ctx.conversations.listMessagesSince(groupUuid, anInstant(0), 10)).toEqual([]);
    });
  });
}
