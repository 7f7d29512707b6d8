import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../domain/instant.js';
import type { Message } from '../domain/message.js';
import type { Participant } from '../domain/user.js';
import type { Conversations } from '../ports/conversations.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import { aMessage, anInstant, aParticipant } from './builders.js';

export interface ReadMarkersHarness {
  readonly readMarkers: ReadMarkers;
  /** Where the counted messages are stored (the same table or process). */
  readonly conversations: Conversations;
}

export interface ReadMarkersContractOptions {
  /** Sends fired at once, half from each member, by the concurrency test. */
  readonly parallelSends?: number;
}

const CONCURRENCY_TIMEOUT_MS = 120_000;

/** Run by every `ReadMarkers` adapter: `runReadMarkersContract('memory', async () => ...)`. */
export function runReadMarkersContract(
  name: string,
  setup: () => Promise<ReadMarkersHarness>,
  { parallelSends = 200 }: ReadMarkersContractOptions = {},
): void {
  describe(`ReadMarkers contract: ${name}`, () => {
    let h: ReadMarkersHarness;
    const pair = async () => {
      h ??= await setup();
      const [a, b] = [aParticipant(), aParticipant()];
      return { a, b, group: await h.conversations.openGroup([a.uuid, b.uuid], randomUUID()) };
    };
    const send = (group: string, from: Participant, to: Participant, seconds: number): Promise<Message> =>
      h.conversations.append(aMessage(group, from, to, { sentAt: anInstant(seconds) }));

    it('has no marker for a group never read, and moves one forward only', async () => {
      const { a, group } = await pair();
      expect((await h.readMarkers.markersOf(a.uuid)).size).toBe(0);
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5))).toEqual({ lastReadAt: anInstant(5), moved: true });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5))).toEqual({ lastReadAt: anInstant(5), moved: false });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(2))).toEqual({ lastReadAt: anInstant(5), moved: false });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5, 1))).toEqual({
        lastReadAt: anInstant(5, 1),
        moved: true,
      });
      expect([...(await h.readMarkers.markersOf(a.uuid))]).toEqual([[group, anInstant(5, 1)]]);
    });

    it("keeps each owner's markers apart, for every group they read", async () => {
      const { a, b, group } = await pair();
      const other = await h.conversations.openGroup([a.uuid, aParticipant().uuid], randomUUID());
      await h.readMarkers.advance(a.uuid, group, anInstant(1));
      await h.readMarkers.advance(a.uuid, other, anInstant(2));
      expect(new Map(await h.readMarkers.markersOf(a.uuid))).toEqual(
        new Map([
          [group, anInstant(1)],
          [other, anInstant(2)],
        ]),
      );
      expect((await h.readMarkers.markersOf(b.uuid)).size).toBe(0);
    });

    it("counts the other member's messages after the marker, not the reader's own", async () => {
      const { a, b, group } = await pair();
      const [first] = [await send(group, b, a, 1), await send(group, a, b, 2)];
      await send(group, b, a, 3);
      await send(group, b, a, 4);
      expect(await h.readMarkers.countUnread(a.uuid, group, null)).toBe(3);
      expect(await h.readMarkers.countUnread(a.uuid, group, first?.createdAt ?? null)).toBe(2);
      expect(await h.readMarkers.countUnread(a.uuid, group, anInstant(4))).toBe(0);
      expect(await h.readMarkers.countUnread(b.uuid, group, null)).toBe(1);
    });

    it(`stays exact after ${parallelSends} concurrent sends from both members`, async () => {
      const { a, b, group } = await pair();
      // What CreateMessage does: store, then move the sender's marker to the stored message.
      const stored = await Promise.all(
        Array.from({ length: parallelSends }, async (_, i) => {
          const [from, to] = i % 2 ? [a, b] : [b, a];
          const message = await send(group, from, to, 7);
          await h.readMarkers.advance(from.uuid, group, message.createdAt);
          return message;
        }),
      );
      for (const [reader, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const own = stored.filter((m) => m.sender.uuid === reader.uuid).map((m) => m.createdAt);
        const marker = (await h.readMarkers.markersOf(reader.uuid)).get(group);
        expect(marker).toBe(latest(own));
        const expected = stored.filter((m) => m.sender.uuid === other.uuid && m.createdAt > (marker ?? '')).length;
        expect(await h.readMarkers.countUnread(reader.uuid, group, marker ?? null)).toBe(expected);
      }
      // Concurrent reads to many targets end at the latest one.
      await Promise.all(stored.map((m) => h.readMarkers.advance(a.uuid, group, m.createdAt)));
      expect((await h.readMarkers.markersOf(a.uuid)).get(group)).toBe(latest(stored.map((m) => m.createdAt)));
      expect(await h.readMarkers.countUnread(a.uuid, group, latest(stored.map((m) => m.createdAt)) ?? null)).toBe(0);
    }, CONCURRENCY_TIMEOUT_MS);
  });
}

const latest = (instants: readonly Instant[]): Instant | undefined => [...instants].sort().at(-1);
