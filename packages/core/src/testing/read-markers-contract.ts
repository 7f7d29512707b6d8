import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../domain/instant.js';
import type { Message } from '../domain/message.js';
import type { Participant } from '../domain/user.js';
import type { Conversations } from '../ports/conversations.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import { readPosition } from '../use-cases/read-position.js';
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

    /** The read state `ListMessageGroups` and `MarkRead` derive (core's one rule) over this adapter. */
    const stateOf = async (reader: Participant, group: string, marker: Instant | null) => {
      const position = await readPosition(reader.uuid, marker, h.readMarkers.sendsAfter(group, marker));
      return { lastReadAt: position.lastReadAt, unreadCount: position.unreadAfter(position.lastReadAt) };
    };

    it('has no marker for a group never read, and moves one forward only', async () => {
      const { a, group } = await pair();
      expect((await h.readMarkers.markersOf(a.uuid)).size).toBe(0);
      expect(await h.readMarkers.markerOf(a.uuid, group)).toBeNull();
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5))).toEqual({ lastReadAt: anInstant(5), moved: true });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5))).toEqual({ lastReadAt: anInstant(5), moved: false });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(2))).toEqual({ lastReadAt: anInstant(5), moved: false });
      expect(await h.readMarkers.advance(a.uuid, group, anInstant(5, 1))).toEqual({
        lastReadAt: anInstant(5, 1),
        moved: true,
      });
      expect([...(await h.readMarkers.markersOf(a.uuid))]).toEqual([[group, anInstant(5, 1)]]);
      expect(await h.readMarkers.markerOf(a.uuid, group)).toBe(anInstant(5, 1));
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
      expect(await h.readMarkers.markerOf(b.uuid, group)).toBeNull();
    });

    it('lists the messages after a marker newest first, with their senders', async () => {
      const { a, b, group } = await pair();
      const stored = [await send(group, b, a, 1), await send(group, a, b, 2), await send(group, b, a, 3)];
      const sends = async (after: Instant | null) => {
        const all = [];
        for await (const sent of h.readMarkers.sendsAfter(group, after)) all.push(sent);
        return all;
      };
      const expected = stored.map((m) => ({ createdAt: m.createdAt, senderUuid: m.sender.uuid })).reverse();
      expect(await sends(null)).toEqual(expected);
      expect(await sends(stored[0]?.createdAt ?? null)).toEqual(expected.slice(0, 2));
      expect(await sends(anInstant(3))).toEqual([]);
    });

    it("counts the other member's messages after the later of the marker and the reader's own latest", async () => {
      const { a, b, group } = await pair();
      const first = await send(group, b, a, 1);
      const own = await send(group, a, b, 2);
      await send(group, b, a, 3);
      await send(group, b, a, 4);
      // Sending is reading: a's own message at 2 counts as read up to it, without any marker.
      expect(await stateOf(a, group, null)).toEqual({ lastReadAt: own.createdAt, unreadCount: 2 });
      expect(await stateOf(a, group, first.createdAt)).toEqual({ lastReadAt: own.createdAt, unreadCount: 2 });
      expect(await stateOf(a, group, anInstant(3))).toEqual({ lastReadAt: anInstant(3), unreadCount: 1 });
      expect(await stateOf(a, group, anInstant(4))).toEqual({ lastReadAt: anInstant(4), unreadCount: 0 });
      expect(await stateOf(b, group, null)).toEqual({ lastReadAt: anInstant(4), unreadCount: 0 });
      const { a: c, group: quiet } = await pair();
      expect(await stateOf(c, quiet, null)).toEqual({ lastReadAt: null, unreadCount: 0 });
    });

    it(`stays exact after ${parallelSends} concurrent sends from both members`, async () => {
      const { a, b, group } = await pair();
      // What CreateMessage does: store, and nothing else (sending moves no stored marker).
      const stored = await Promise.all(
        Array.from({ length: parallelSends }, (_, i) => {
          const [from, to] = i % 2 ? [a, b] : [b, a];
          return send(group, from, to, 7);
        }),
      );
      for (const [reader, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const own = latest(stored.filter((m) => m.sender.uuid === reader.uuid).map((m) => m.createdAt)) ?? '';
        const unreadCount = stored.filter((m) => m.sender.uuid === other.uuid && m.createdAt > own).length;
        expect(await stateOf(reader, group, null)).toEqual({ lastReadAt: own, unreadCount });
      }
      // Concurrent reads to many targets end at the latest one.
      await Promise.all(stored.map((m) => h.readMarkers.advance(a.uuid, group, m.createdAt)));
      const newest = latest(stored.map((m) => m.createdAt)) ?? null;
      expect(await h.readMarkers.markerOf(a.uuid, group)).toBe(newest);
      expect(await stateOf(a, group, newest)).toEqual({ lastReadAt: newest, unreadCount: 0 });
    }, CONCURRENCY_TIMEOUT_MS);
  });
}

const latest = (instants: readonly Instant[]): Instant | undefined => [...instants].sort().at(-1);
