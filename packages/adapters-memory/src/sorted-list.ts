/**
 * Items kept in ascending order of a unique string key. Every lookup is a binary search,
 * so reading a page costs O(log n + page) however long the list grows. Inserting or
 * removing shifts the items above the position (a native memmove); lists are stored
 * oldest first so the common write, newer than everything, is an append at the end.
 */
export class SortedList<T> {
  readonly #items: T[] = [];

  constructor(private readonly keyOf: (item: T) => string) {}

  get size(): number {
    return this.#items.length;
  }

  /** Index of the first item whose key is not below `key` (`size` when there is none). */
  lowerBound(key: string): number {
    let low = 0;
    let high = this.#items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      // `middle` is always in range; the undefined check is for noUncheckedIndexedAccess.
      const middleKey = this.keyAt(middle);
      if (middleKey !== undefined && middleKey < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  keyAt(index: number): string | undefined {
    const item = this.#items[index];
    return item === undefined ? undefined : this.keyOf(item);
  }

  get(key: string): T | undefined {
    const index = this.lowerBound(key);
    return this.keyAt(index) === key ? this.#items[index] : undefined;
  }

  /** Adds the item; refuses (false) when its key is taken, as a conditional put would. */
  insert(item: T): boolean {
    const key = this.keyOf(item);
    const index = this.lowerBound(key);
    if (this.keyAt(index) === key) return false;
    this.#items.splice(index, 0, item);
    return true;
  }

  remove(key: string): boolean {
    const index = this.lowerBound(key);
    if (this.keyAt(index) !== key) return false;
    this.#items.splice(index, 1);
    return true;
  }

  /** A copy of the items from `start` (inclusive) to `end` (exclusive), ascending. */
  slice(start: number, end: number): T[] {
    return this.#items.slice(start, end);
  }

  /**
   * The `limit` items just below `beforeKey` (or the top ones when null), ascending, and
   * the key to continue below them: null when nothing older is left.
   */
  pageBelow(limit: number, beforeKey: string | null): { items: T[]; nextKey: string | null } {
    const end = beforeKey === null ? this.#items.length : this.lowerBound(beforeKey);
    const start = Math.max(0, end - limit);
    const nextKey = start > 0 ? (this.keyAt(start) ?? null) : null;
    return { items: this.slice(start, end), nextKey };
  }
}
