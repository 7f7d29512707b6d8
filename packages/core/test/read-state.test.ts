import { describe, expect, it } from 'vitest';
import {
  type InboxEntry,
  ReadStateCache,
  readPosition,
  readStateFromInbox,
  SETTLE_WINDOW_MS,
  type SentMark,
} from '../src/index.js';

const at = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000000+00:00`;
async function* newestFirst(...sends: SentMark[]) {
  yield* sends;
}
const entry = (lastSenderUuid: string | undefined, lastMessageAt = at(9)): InboxEntry => ({
  groupUuid: 'g',
  otherUser: { uuid: 'bo', handle: 'bo', displayName: 'Bo' },
  lastMessage: 'x',
  lastMessageAt,
  ...(lastSenderUuid === undefined ? {} : { lastSenderUuid }),
});

describe('read position (the one read-state rule)', () => {
  it("reads up to the reader's own latest message and counts the other member's after it", async () => {
    let read = 0;
    async function* counted() {
      for (const sent of [
        { createdAt: at(5), senderUuid: 'bo' },
        { createdAt: at(4), senderUuid: 'bo' },
        { createdAt: at(3), senderUuid: 'me' },
        { createdAt: at(2), senderUuid: 'bo' },
      ]) {
        read += 1;
        yield sent;
      }
    }
    const position = await readPosition('me', at(1), counted());
    expect([position.lastReadAt, position.latestAt, position.unreadAfter(position.lastReadAt)]).toEqual([
      at(3),
      at(5),
      2,
    ]);
    expect(position.unreadAfter(at(4))).toBe(1);
    expect(read).toBe(3); // stops at the reader's own message
  });

  it('keeps the stored marker when the reader sent nothing after it, and null when there is neither', async () => {
    const position = await readPosition('me', at(1), newestFirst({ createdAt: at(2), senderUuid: 'bo' }));
    expect([position.lastReadAt, position.unreadAfter(at(1))]).toEqual([at(1), 1]);
    const never = await readPosition('me', null, newestFirst({ createdAt: at(2), senderUuid: 'bo' }));
    expect([never.lastReadAt, never.unreadAfter(null)]).toEqual([null, 1]);
    const empty = await readPosition('me', null, newestFirst());
    expect([empty.lastReadAt, empty.latestAt, empty.unreadAfter(null)]).toEqual([null, null, 0]);
  });

  it('answers from the inbox entry when its last message is the reader’s own or not after the marker', () => {
    expect(readStateFromInbox('me', entry('me'), null)).toEqual({ lastReadAt: at(9), unreadCount: 0 });
    expect(readStateFromInbox('me', entry('me'), at(10))).toEqual({ lastReadAt: at(10), unreadCount: 0 });
    expect(readStateFromInbox('me', entry('bo'), at(9))).toEqual({ lastReadAt: at(9), unreadCount: 0 });
    expect(readStateFromInbox('me', entry('bo'), at(8))).toBeNull();
    expect(readStateFromInbox('me', entry(undefined), null)).toBeNull();
  });
});

describe('ReadStateCache', () => {
  const lastAt = at(0);
  const settled = Date.parse(lastAt) + SETTLE_WINDOW_MS + 1;
  const state = { lastReadAt: null, unreadCount: 3 };

  let nowMs = 0;
  const now = () => nowMs;
  /** `cache.get` / `cache.remember` at the instant `ms`. */
  const atMs = <T>(ms: number, run: () => T): T => {
    nowMs = ms;
    return run();
  };

  it('remembers a state only once its last message has settled, for a limited time', () => {
    const cache = new ReadStateCache({ ttlMs: 1_000, now });
    const key = ReadStateCache.key('me', 'g', null, lastAt);
    atMs(settled - 2, () => cache.remember(key, lastAt, state));
    expect(atMs(settled - 1, () => cache.get(key))).toBeNull();
    atMs(settled, () => cache.remember(key, lastAt, state));
    expect(atMs(settled + 999, () => cache.get(key))).toEqual(state);
    expect(atMs(settled + 1_000, () => cache.get(key))).toBeNull();
  });

  it('keys by stored marker and last message, and evicts the least recently used', () => {
    const cache = new ReadStateCache({ maxEntries: 2, now });
    nowMs = settled;
    const [k1, k2, k3] = [null, at(0), at(1)].map((marker) => ReadStateCache.key('me', 'g', marker, lastAt));
    for (const key of [k1, k2]) cache.remember(key ?? '', lastAt, state);
    expect(cache.get(k1 ?? '')).toEqual(state); // k1 now most recent
    cache.remember(k3 ?? '', lastAt, state);
    expect([k1, k2, k3].map((key) => cache.get(key ?? '') !== null)).toEqual([true, false, true]);
  });
});
