import type { Conversations, Instant, MarkerMove, ReadMarkers, SentMark } from '@cruddur/core';

const PAGE = 50; // the largest page `listMessages` serves

/**
 * Read markers in process memory. The messages after a marker are read through the
 * `Conversations` port (they live there), newest page first, so they are exactly the stored ones.
 */
export class InMemoryReadMarkers implements ReadMarkers {
  readonly #markers = new Map<string, Map<string, Instant>>();

  constructor(private readonly conversations: Conversations) {}

  async markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>> {
    return new Map(this.#markers.get(ownerUuid));
  }

  async markerOf(ownerUuid: string, groupUuid: string): Promise<Instant | null> {
    return this.#markers.get(ownerUuid)?.get(groupUuid) ?? null;
  }

  async advance(ownerUuid: string, groupUuid: string, to: Instant): Promise<MarkerMove> {
    let markers = this.#markers.get(ownerUuid);
    if (!markers) {
      markers = new Map();
      this.#markers.set(ownerUuid, markers);
    }
    const current = markers.get(groupUuid);
    if (current !== undefined && current >= to) return { lastReadAt: current, moved: false };
    markers.set(groupUuid, to);
    return { lastReadAt: to, moved: true };
  }

  async *sendsAfter(groupUuid: string, after: Instant | null): AsyncGenerator<SentMark> {
    let cursor: string | null = null;
    do {
      const page = await this.conversations.listMessages(groupUuid, { limit: PAGE, cursor });
      // Pages come newest first; each page runs oldest to newest.
      for (const message of [...page.items].reverse()) {
        if (after !== null && message.createdAt <= after) return;
        yield { createdAt: message.createdAt, senderUuid: message.sender.uuid };
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
}
