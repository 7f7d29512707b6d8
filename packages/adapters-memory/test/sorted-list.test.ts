import { describe, expect, it } from 'vitest';
import { SortedList } from '../src/sorted-list.js';

const key = (n: number): string => n.toString().padStart(8, '0');

/** A list of `size` numbered items whose key reads are counted. */
const aCountingList = (size: number) => {
  const reads = { count: 0 };
  const list = new SortedList<number>((item) => {
    reads.count += 1;
    return key(item);
  });
  for (let i = 0; i < size; i++) list.insert(i);
  reads.count = 0;
  return { list, reads };
};

describe('SortedList', () => {
  it('keeps items in key order whatever the insertion order', () => {
    const list = new SortedList<string>((item) => item);
    for (const item of ['c', 'a', 'd', 'b']) list.insert(item);
    expect(list.slice(0, list.size)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a second item with a taken key, like a conditional put', () => {
    const list = new SortedList<{ id: string; v: number }>((item) => item.id);
    expect(list.insert({ id: 'a', v: 1 })).toBe(true);
    expect(list.insert({ id: 'a', v: 2 })).toBe(false);
    expect(list.get('a')).toEqual({ id: 'a', v: 1 });
  });

  it('removes by key and reports keys it does not hold', () => {
    const list = new SortedList<string>((item) => item);
    list.insert('a');
    expect(list.remove('b')).toBe(false);
    expect(list.remove('a')).toBe(true);
    expect(list.size).toBe(0);
  });

  it('pages downward from the top, handing back where to continue', () => {
    const { list } = aCountingList(5);
    expect(list.pageBelow(2, null)).toEqual({ items: [3, 4], nextKey: key(3) });
    expect(list.pageBelow(2, key(3))).toEqual({ items: [1, 2], nextKey: key(1) });
    expect(list.pageBelow(2, key(1))).toEqual({ items: [0], nextKey: null });
  });

  it('continues below a key that is no longer in the list', () => {
    const { list } = aCountingList(5);
    list.remove(key(3));
    expect(list.pageBelow(2, key(3))).toEqual({ items: [1, 2], nextKey: key(1) });
  });

  it('reads a page of 100 000 items with as few key reads as a page of 10', () => {
    // Binary search reads at most ⌈log2(n + 1)⌉ keys, plus one for the next cursor.
    const bound = (n: number) => Math.ceil(Math.log2(n + 1)) + 1;
    for (const size of [10, 100_000]) {
      const { list, reads } = aCountingList(size);
      const cursor = list.pageBelow(20, null).nextKey;
      expect(reads.count).toBeLessThanOrEqual(1);
      reads.count = 0;
      list.pageBelow(20, cursor);
      expect(reads.count).toBeLessThanOrEqual(bound(size));
      reads.count = 0;
      list.get(key(size >> 1));
      expect(reads.count).toBeLessThanOrEqual(bound(size));
    }
  });
});
