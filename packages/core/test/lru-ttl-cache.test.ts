import { describe, expect, it } from 'vitest';
import { LruTtlCache } from '../src/runtime/lru-ttl-cache.js';

describe('the LRU cache behind the membership, user and token caches', () => {
  it('forgets the least recently used entry beyond its bound', () => {
    const cache = new LruTtlCache<string, number>(2, Date.now);
    cache.set('a', 1, Number.POSITIVE_INFINITY);
    cache.set('b', 2, Number.POSITIVE_INFINITY);
    cache.get('a');
    cache.set('c', 3, Number.POSITIVE_INFINITY);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });
});
