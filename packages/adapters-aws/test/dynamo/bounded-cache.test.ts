import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/dynamo/bounded-cache.js';

describe('the membership cache', () => {
  it('forgets the least recently used entry beyond its bound', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });
});
