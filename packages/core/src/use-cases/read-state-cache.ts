import type { Instant } from '../domain/instant.js';
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
 * counts the same. A new message, or a moved marker, is a new key. Bounded LRU (a `Map` in
 * recency order), per process.
 */
export class ReadStateCache {
  readonly #entries = new Map<string, { readonly state: ReadStateOf; readonly expiresAt: number }>();

  constructor(private readonly options: { readonly maxEntries?: number; readonly ttlMs?: number } = {}) {}

  static key(ownerUuid: string, groupUuid: string, marker: Instant | null, lastMessageAt: Instant): string {
    return `${ownerUuid}|${groupUuid}|${marker ?? ''}|${lastMessageAt}`;
  }

  get(key: string, nowMs: number): ReadStateOf | null {
    const hit = this.#entries.get(key);
    if (hit === undefined) return null;
    this.#entries.delete(key);
    if (hit.expiresAt <= nowMs) return null;
    this.#entries.set(key, hit);
    return hit.state;
  }

  /** Stores `state` if the entry's last message is older than the settle window. */
  remember(key: string, lastMessageAt: Instant, state: ReadStateOf, nowMs: number): void {
    if (!(Date.parse(lastMessageAt) < nowMs - SETTLE_WINDOW_MS)) return;
    this.#entries.delete(key);
    this.#entries.set(key, { state, expiresAt: nowMs + (this.options.ttlMs ?? DEFAULT_TTL_MS) });
    const max = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
