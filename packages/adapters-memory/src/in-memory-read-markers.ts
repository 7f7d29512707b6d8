import type { Conversations, Instant, MarkerMove, ReadMarkers } from '@cruddur/core';

/** Before any message anyone can store: "count from the start". */
const BEGINNING: Instant = '0001-01-01T00:00:00.000000+00:00';
const PAGE = 1_000;

/**
 * Read markers in process memory. Unread messages are counted through the `Conversations`
 * port (the messages live there), a page of 1 000 at a time, so the count is exact.
 */
export class InMemoryReadMarkers implements ReadMarkers {
  readonly #markers = new Map<string, Map<string, Instant>>();

  constructor(private readonly conversations: Conversations) {}

  async markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>> {
    return new Map(this.#markers.get(ownerUuid));
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

  async countUnread(readerUuid: string, groupUuid: string, after: Instant | null): Promise<number> {
    let count = 0;
    let from = after ?? BEGINNING;
    for (;;) {
      const batch = await this.conversations.listMessagesSince(groupUuid, from, PAGE);
      count += batch.filter((message) => message.sender.uuid !== readerUuid).length;
      const last = batch.at(-1);
      if (batch.length < PAGE || !last) return count;
      from = last.createdAt;
    }
  }
}
