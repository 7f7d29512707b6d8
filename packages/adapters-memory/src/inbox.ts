import { type InboxEntry, isInstant, type Page } from '@cruddur/core';
import { decodeCursor, encodeCursor } from './cursor.js';
import { frozenParticipant } from './participant.js';
import { SortedList } from './sorted-list.js';

/**
 * An entry with its position, oldest activity first. Instants are fixed width, so comparing
 * the joined string compares (lastMessageAt, groupUuid); the group uuid keeps positions
 * unique when two groups share a last-message instant. Computed once, not per comparison.
 */
interface Row {
  readonly position: string;
  readonly entry: InboxEntry;
}

const positionOf = (entry: InboxEntry): string => `${entry.lastMessageAt}#${entry.groupUuid}`;
const INSTANT_WIDTH = 32;
const isPosition = (position: string): boolean =>
  isInstant(position.slice(0, INSTANT_WIDTH)) &&
  position[INSTANT_WIDTH] === '#' &&
  position.length > INSTANT_WIDTH + 1;

/** One member's inbox: one entry per group, read newest activity first. */
export class Inbox {
  readonly #rows = new SortedList<Row>((row) => row.position);
  /** The current row of each group, so a move finds the old position by binary search. */
  readonly #byGroup = new Map<string, Row>();

  constructor(readonly ownerUuid: string) {}

  /** Makes `entry` its group's only row: a move is a remove and an insert, both binary searches. */
  put(entry: InboxEntry): void {
    const previous = this.#byGroup.get(entry.groupUuid);
    if (previous) this.#rows.remove(previous.position);
    const stored = Object.freeze({ ...entry, otherUser: frozenParticipant(entry.otherUser) });
    const row = { position: positionOf(stored), entry: stored };
    this.#rows.insert(row);
    this.#byGroup.set(entry.groupUuid, row);
  }

  page(limit: number, cursor: string | null): Page<InboxEntry> {
    const below = cursor === null ? null : decodeCursor(cursor, 'inbox', this.ownerUuid, isPosition);
    const { items, nextKey } = this.#rows.pageBelow(limit, below);
    return {
      items: items.reverse().map((row) => row.entry),
      nextCursor: nextKey === null ? null : encodeCursor('inbox', this.ownerUuid, nextKey),
    };
  }

  /** Every stored row, newest first: what the contract's backdoor inspects for duplicates. */
  rows(): InboxEntry[] {
    return this.#rows
      .slice(0, this.#rows.size)
      .reverse()
      .map((row) => row.entry);
  }
}
