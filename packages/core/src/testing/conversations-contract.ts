import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../domain/errors.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { Participant } from '../domain/user.js';
import type { Conversations } from '../ports/conversations.js';
import { aMessage, anInstant, aParticipant } from './builders.js';

/** What the suite may read behind the port to check what was really stored. */
export interface ConversationsBackdoor {
  /** Every stored inbox row of the owner, duplicates and leftovers included. */
  storedInboxRows(ownerUuid: string): Promise<Array<{ groupUuid: string; lastMessage: string }>>;
}

export interface ConversationsContractOptions {
  /** Sends fired at once into one group by the concurrency test. */
  readonly parallelSends?: number;
  /** Conversation starts fired at once for one pair. */
  readonly parallelOpens?: number;
}

export type ConversationsHarness = { conversations: Conversations; backdoor: ConversationsBackdoor };

/** Run by every `Conversations` adapter: `runConversationsContract('dynalite', async () => ...)`. */
export function runConversationsContract(
  name: string,
  setup: () => Promise<ConversationsHarness>,
  { parallelSends = 100, parallelOpens = 20 }: ConversationsContractOptions = {},
): void {
  describe(`Conversations contract: ${name}`, () => {
    let conversations: Conversations;
    let backdoor: ConversationsBackdoor;

    beforeAll(async () => {
      ({ conversations, backdoor } = await setup());
    });

    const pairGroup = async (a: Participant, b: Participant) =>
      conversations.openGroup([a.uuid, b.uuid], randomUUID());

    const readAll = async <T>(list: (page: PageRequest) => Promise<Page<T>>, limit: number) => {
      const pages: T[][] = [];
      let cursor: string | null = null;
      do {
        const page: Page<T> = await list({ limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        pages.push([...page.items]);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 1000);
      return pages;
    };

    describe('groups', () => {
      it('opens a group findable by either member order', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const proposed = randomUUID();
        const groupUuid = await conversations.openGroup([a.uuid, b.uuid], proposed);
        expect(groupUuid).toBe(proposed);
        expect(await conversations.findGroupByPair(a.uuid, b.uuid)).toBe(groupUuid);
        expect(await conversations.findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
        expect([...((await conversations.findGroupMembers(groupUuid)) ?? [])].sort()).toEqual(
          [a.uuid, b.uuid].sort(),
        );
      });

      it('answers null for unknown groups and pairs', async () => {
        expect(await conversations.findGroupMembers(randomUUID())).toBeNull();
        expect(await conversations.findGroupByPair(randomUUID(), randomUUID())).toBeNull();
      });

      it('keeps the first group when the pair opens again', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const first = await pairGroup(a, b);
        expect(await conversations.openGroup([b.uuid, a.uuid], randomUUID())).toBe(first);
      });

      it(`makes one group when both members start it at once (${parallelOpens} parallel)`, async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const uuids = await Promise.all(
          Array.from({ length: parallelOpens }, (_, i) =>
            conversations.openGroup(i % 2 ? [a.uuid, b.uuid] : [b.uuid, a.uuid], randomUUID()),
          ),
        );
        expect(new Set(uuids).size).toBe(1);
        expect(await conversations.findGroupByPair(a.uuid, b.uuid)).toBe(uuids[0]);
      });
    });

    describe('messages', () => {
      it('stores a message as sent, with the sender at send time', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        const sent = aMessage(groupUuid, a, b, { text: 'hi there 👋', sentAt: anInstant(5) });
        const stored = await conversations.append(sent);
        expect(stored).toEqual({
          uuid: sent.messageUuid,
          groupUuid,
          sender: a,
          text: 'hi there 👋',
          createdAt: anInstant(5),
        });
        expect((await conversations.listMessages(groupUuid, { limit: 10, cursor: null })).items).toEqual([
          stored,
        ]);
      });

      it('lists an empty group as one empty last page', async () => {
        const groupUuid = await pairGroup(aParticipant(), aParticipant());
        expect(await conversations.listMessages(groupUuid, { limit: 10, cursor: null })).toEqual({
          items: [],
          nextCursor: null,
        });
      });

      it('keeps every message sent in the same microsecond, in send order', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        const stored = [];
        for (let i = 0; i < 5; i++) {
          stored.push(await conversations.append(aMessage(groupUuid, i % 2 ? b : a, i % 2 ? a : b, { sentAt: anInstant(1) })));
        }
        const createdAts = stored.map((m) => m.createdAt);
        expect(new Set(createdAts).size).toBe(5);
        expect([...createdAts].sort()).toEqual(createdAts);
        const listed = (await conversations.listMessages(groupUuid, { limit: 50, cursor: null })).items;
        expect(listed.map((m) => m.uuid)).toEqual(stored.map((m) => m.uuid));
      });

      it('pages through a long conversation: newest page first, each page oldest to newest', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        const sent: string[] = [];
        for (let i = 0; i < 45; i++) {
          const m = await conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(i), text: `m${i}` }));
          sent.push(m.uuid);
        }
        const pages = await readAll((page) => conversations.listMessages(groupUuid, page), 7);
        expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 7, 7, 3]);
        for (const page of pages) {
          const texts = page.map((m) => Number(m.text.slice(1)));
          expect([...texts].sort((x, y) => x - y)).toEqual(texts);
        }
        expect(pages.reverse().flat().map((m) => m.uuid)).toEqual(sent);
      });

      it('rejects a cursor it did not issue', async () => {
        const groupUuid = await pairGroup(aParticipant(), aParticipant());
        await expect(conversations.listMessages(groupUuid, { limit: 5, cursor: 'not-a-cursor' })).rejects.toThrow(
          InvalidCursorError,
        );
      });
    });

    describe('inbox', () => {
      it('shows each member the other member and the last message', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        await conversations.append(aMessage(groupUuid, a, b, { text: 'first', sentAt: anInstant(1) }));
        await conversations.append(aMessage(groupUuid, b, a, { text: 'reply', sentAt: anInstant(2) }));
        const inboxA = await conversations.listInbox(a.uuid, { limit: 10, cursor: null });
        const inboxB = await conversations.listInbox(b.uuid, { limit: 10, cursor: null });
        expect(inboxA).toEqual({
          items: [{ groupUuid, otherUser: b, lastMessage: 'reply', lastMessageAt: anInstant(2) }],
          nextCursor: null,
        });
        expect(inboxB.items).toEqual([{ groupUuid, otherUser: a, lastMessage: 'reply', lastMessageAt: anInstant(2) }]);
        expect(await backdoor.storedInboxRows(a.uuid)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
        expect(await backdoor.storedInboxRows(b.uuid)).toEqual([{ groupUuid, lastMessage: 'reply' }]);
      });

      it('orders groups by latest activity', async () => {
        const [me, b, c, d] = [aParticipant(), aParticipant(), aParticipant(), aParticipant()];
        const groups = new Map<Participant, string>();
        for (const [i, other] of [b, c, d].entries()) {
          const groupUuid = await pairGroup(me, other);
          groups.set(other, groupUuid);
          await conversations.append(aMessage(groupUuid, me, other, { sentAt: anInstant(i) }));
        }
        await conversations.append(aMessage(groups.get(b) ?? '', b, me, { sentAt: anInstant(10) }));
        const inbox = await conversations.listInbox(me.uuid, { limit: 10, cursor: null });
        expect(inbox.items.map((e) => e.otherUser.handle)).toEqual([b.handle, d.handle, c.handle]);
      });

      it('never lets an older send replace a newer last message', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        await conversations.append(aMessage(groupUuid, a, b, { text: 'newer', sentAt: anInstant(20) }));
        await conversations.append(aMessage(groupUuid, b, a, { text: 'older', sentAt: anInstant(10) }));
        const inbox = await conversations.listInbox(a.uuid, { limit: 10, cursor: null });
        expect(inbox.items.map((e) => e.lastMessage)).toEqual(['newer']);
        expect(await backdoor.storedInboxRows(b.uuid)).toEqual([{ groupUuid, lastMessage: 'newer' }]);
        const texts = (await conversations.listMessages(groupUuid, { limit: 10, cursor: null })).items.map((m) => m.text);
        expect(texts).toEqual(['older', 'newer']);
      });

      it('shows two groups whose last messages share an instant', async () => {
        const [me, b, c] = [aParticipant(), aParticipant(), aParticipant()];
        for (const other of [b, c]) {
          const groupUuid = await pairGroup(me, other);
          await conversations.append(aMessage(groupUuid, other, me, { sentAt: anInstant(7) }));
        }
        const inbox = await conversations.listInbox(me.uuid, { limit: 10, cursor: null });
        expect(inbox.items.map((e) => e.otherUser.uuid).sort()).toEqual([b.uuid, c.uuid].sort());
      });

      it('pages through a large inbox, every group exactly once, newest first', async () => {
        const me = aParticipant();
        const expected: string[] = [];
        for (let i = 0; i < 60; i++) {
          const other = aParticipant();
          const groupUuid = await pairGroup(me, other);
          await conversations.append(aMessage(groupUuid, other, me, { sentAt: anInstant(i) }));
          expected.unshift(groupUuid);
        }
        const pages = await readAll((page) => conversations.listInbox(me.uuid, page), 7);
        expect(pages.flat().map((e) => e.groupUuid)).toEqual(expected);
      });

      it('rejects a cursor it did not issue', async () => {
        await expect(
          conversations.listInbox(randomUUID(), { limit: 5, cursor: 'bm90IGEgY3Vyc29y' }),
        ).rejects.toThrow(InvalidCursorError);
      });
    });

    describe('concurrency', () => {
      it(`keeps all ${parallelSends} messages sent into one group at once, and one inbox row each`, async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const groupUuid = await pairGroup(a, b);
        const stored = await Promise.all(
          Array.from({ length: parallelSends }, (_, i) =>
            conversations.append(aMessage(groupUuid, i % 2 ? b : a, i % 2 ? a : b, { sentAt: anInstant(3), text: `p${i}` })),
          ),
        );
        expect(new Set(stored.map((m) => m.createdAt)).size).toBe(parallelSends);
        const pages = await readAll((page) => conversations.listMessages(groupUuid, page), 50);
        const listed = pages.reverse().flat();
        expect(listed).toHaveLength(parallelSends);
        expect(new Set(listed.map((m) => m.uuid))).toEqual(new Set(stored.map((m) => m.uuid)));
        const last = listed.at(-1);
        for (const owner of [a, b]) {
          const rows = await backdoor.storedInboxRows(owner.uuid);
          expect(rows).toEqual([{ groupUuid, lastMessage: last?.text }]);
          const inbox = await conversations.listInbox(owner.uuid, { limit: 10, cursor: null });
          expect(inbox.items.map((e) => [e.lastMessage, e.lastMessageAt])).toEqual([[last?.text, last?.createdAt]]);
        }
      });

      it('converges when both members start the conversation and send at once', async () => {
        const [a, b] = [aParticipant(), aParticipant()];
        const sends = Array.from({ length: parallelOpens }, async (_, i) => {
          const [from, to] = i % 2 ? [a, b] : [b, a];
          const groupUuid =
            (await conversations.findGroupByPair(from.uuid, to.uuid)) ??
            (await conversations.openGroup([from.uuid, to.uuid], randomUUID()));
          return conversations.append(aMessage(groupUuid, from, to, { sentAt: anInstant(4) }));
        });
        const stored = await Promise.all(sends);
        expect(new Set(stored.map((m) => m.groupUuid)).size).toBe(1);
        for (const owner of [a, b]) {
          const rows = await backdoor.storedInboxRows(owner.uuid);
          expect(rows).toHaveLength(1);
        }
      });
    });
  });
}

