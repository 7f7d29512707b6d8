import type { Instant } from '../domain/instant.js';
import { LruTtlCache } from '../runtime/lru-ttl-cache.js';
import type { ReadStateOf } from './read-position.js';

/**
 * How long after a message's `created_at` a send with an earlier `created_at` may still store
 * its row. A send takes its time from the clock when it starts and stores its row with one
 * put (the DynamoDB adapter: at most 2 s per attempt, 3 SDK attempts, about 6 s; each sort-key
 * collision costs a round more, and sends in the same microsecond are rare), so 30 s covers
 * any send short of a pathological pile-up, plus clock skew between hosts of a few seconds
 * (NTP-synchronised clocks assumed). Until then, a count computed for an entry could still
 * grow behind its last message, so it is not cached.
 */
export const SETTLE_WINDOW_MS = 30_000;

const DEFAULT_MAX_ENTRIES = 10_000;
/**
 * A keyed retry (idempotency) of a send whose first attempt died after claiming its receipt
 * and before storing its message row stores that message at the first attempt's time, maybe
 * minutes later; an entry expires after this long so such a count is corrected.
 */
const DEFAULT_TTL_MS = 5 * 60_000;

/**
 * Computed read states of inbox entries, keyed by (owner, group, stored marker, last message
 * time): message rows are immutable, so once the entry has settled, the same key always
 * counts the same. A new message, or a moved marker, is a new key. Bounded LRU, per process.
 */
export class ReadStateCache {
  readonly #entries: LruTtlCache<string, ReadStateOf>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(
    options: { readonly maxEntries?: number; readonly ttlMs?: number; readonly now?: () => number } = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#entries = new LruTtlCache(options.maxEntries ?? DEFAULT_MAX_ENTRIES, this.#now);
  }

  static key(ownerUuid: string, groupUuid: string, marker: Instant | null, lastMessageAt: Instant): string {
    return `${ownerUuid}|${groupUuid}|${marker ?? ''}|${lastMessageAt}`;
  }

  get(key: string): ReadStateOf | null {
    return this.#entries.get(key) ?? null;
  }

  /** Stores `state` if the entry's last message is older than the settle window. */
  remember(key: string, lastMessageAt: Instant, state: ReadStateOf): void {
    if (Date.parse(lastMessageAt) < this.#now() - SETTLE_WINDOW_MS)
      this.#entries.set(key, state, this.#ttlMs);
  }
}
