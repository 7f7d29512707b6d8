import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryConversations } from '../src/index.js';

/**
 * Proves page reads cost O(log n + page) without timing anything: every element the
 * adapter looks at goes through a SortedList (a key read or a slice), so counting those
 * counts the work. A sort or a scan of the world would read n keys.
 */
const work = vi.hoisted(() => ({ keyReads: 0, itemsSliced: 0 }));

vi.mock(import('../src/sorted-list.js'), async (importOriginal) => {
  const { SortedList } = await importOriginal();
  class CountingSortedList<T> extends SortedList<T> {
    constructor(keyOf: (item: T) => string) {
      super((item) => {
        work.keyReads += 1;
        return keyOf(item);
      });
    }
    override slice(start: number, end: number): T[] {
      const items = super.slice(start, end);
      work.itemsSliced += items.length;
      return items;
    }
  }
  return { SortedList: CountingSortedList };
});

const SIZES = [10, 100_000];
const LIMIT = 5;
/** Keys a page read may look at: two binary searches of ⌈log2(n + 1)⌉, plus a few. */
const budget = (n: number) => 2 * Math.ceil(Math.log2(n + 1)) + 4;

const measure = async <R>(read: () => Promise<R>) => {
  work.keyReads = 0;
  work.itemsSliced = 0;
  const result = await read();
  return { result, ...work };
};

/** Filling 100 000 items through the port takes seconds of CPU; a loaded CI machine may need minutes. */
const FILL_TIMEOUT_MS = 240_000;

describe('page reads at scale', () => {
  it('reads a page of a 100 000-message conversation as cheaply as one of 10', async () => {
    for (const size of SIZES) {
      const conversations = new InMemoryConversations();
      const [a, b] = [aParticipant(), aParticipant()];
      const group = await conversations.openGroup([a.uuid, b.uuid], `group-${size}`);
      for (let i = 0; i < size; i++) {
        await conversations.append(aMessage(group, a, b, { sentAt: anInstant(i), text: `m${i}` }));
      }
      const first = await conversations.listMessages(group, { limit: LIMIT, cursor: null });
      const deep = await measure(() =>
        conversations.listMessages(group, { limit: LIMIT, cursor: first.nextCursor }),
      );
      expect(deep.keyReads).toBeLessThanOrEqual(budget(size));
      expect(deep.itemsSliced).toBeLessThanOrEqual(LIMIT);
      const secondPage = Array.from({ length: LIMIT }, (_, i) => `m${size - 2 * LIMIT + i}`);
      expect(deep.result.items.map((message) => message.text)).toEqual(secondPage);
      const send = await measure(() =>
        conversations.append(aMessage(group, b, a, { sentAt: anInstant(size) })),
      );
      expect(send.keyReads).toBeLessThanOrEqual(3 * budget(size));
    }
  }, FILL_TIMEOUT_MS);

  it('reads a page of a 100 000-group inbox as cheaply as one of 10', async () => {
    for (const size of SIZES) {
      const conversations = new InMemoryConversations();
      const me = aParticipant();
      const partners = Array.from({ length: size }, () => aParticipant());
      for (const [i, partner] of partners.entries()) {
        const group = await conversations.openGroup([me.uuid, partner.uuid], `g${i}`);
        await conversations.append(aMessage(group, partner, me, { sentAt: anInstant(i) }));
      }
      const first = await conversations.listInbox(me.uuid, { limit: LIMIT, cursor: null });
      const deep = await measure(() =>
        conversations.listInbox(me.uuid, { limit: LIMIT, cursor: first.nextCursor }),
      );
      expect(deep.keyReads).toBeLessThanOrEqual(budget(size));
      expect(deep.itemsSliced).toBeLessThanOrEqual(LIMIT);
      expect(deep.result.items.map((entry) => entry.groupUuid)).toEqual(
        Array.from({ length: LIMIT }, (_, i) => `g${size - LIMIT - 1 - i}`),
      );
      // Moving the oldest group to the top is a remove and an insert, both binary searches.
      const [oldestPartner] = partners;
      if (!oldestPartner) throw new Error('no partners');
      const move = await measure(() =>
        conversations.append(aMessage('g0', me, oldestPartner, { sentAt: anInstant(size) })),
      );
      expect(move.keyReads).toBeLessThanOrEqual(4 * budget(size));
      const top = await conversations.listInbox(me.uuid, { limit: 1, cursor: null });
      expect(top.items.map((entry) => entry.groupUuid)).toEqual(['g0']);
    }
  }, FILL_TIMEOUT_MS);
});
