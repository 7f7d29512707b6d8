import {
  type GroupMembers,
  type Instant,
  isInstant,
  type Message,
  nextMicrosecond,
  type Page,
} from '@cruddur/core';
import { decodeCursor, encodeCursor } from './cursor.js';
import { frozenParticipant } from './participant.js';
import { SortedList } from './sorted-list.js';

/** One conversation: its two members and its messages, oldest first, unique by `createdAt`. */
export class MessageGroup {
  readonly #messages = new SortedList<Message>((message) => message.createdAt);
  /** `createdAt` of the message the inbox rows show; it only moves forward. */
  #latest: Instant | null = null;

  constructor(
    readonly uuid: string,
    readonly members: GroupMembers,
  ) {}

  /**
   * Stores the message at the first free microsecond from `sentAt`, as the DynamoDB adapter
   * retries a conditional put one microsecond later, and says whether it is now the latest.
   * The same message uuid sent again from the same `sentAt` is not stored twice.
   */
  add(
    draft: Omit<Message, 'createdAt' | 'groupUuid'>,
    sentAt: Instant,
  ): { message: Message; isLatest: boolean } {
    let createdAt = sentAt;
    // Taken instants from `sentAt` up are consecutive items, so walk them from one search.
    let index = this.#messages.lowerBound(createdAt);
    while (this.#messages.keyAt(index) === createdAt) {
      // A retry of a stored send finds its own message here, as the DynamoDB adapter does.
      const taken = this.#messages.get(createdAt);
      if (taken?.uuid === draft.uuid) return { message: taken, isLatest: false };
      createdAt = nextMicrosecond(createdAt);
      index += 1;
    }
    const message = Object.freeze({
      uuid: draft.uuid,
      groupUuid: this.uuid,
      sender: frozenParticipant(draft.sender),
      text: draft.text,
      createdAt,
    });
    this.#messages.insert(message);
    const isLatest = this.#latest === null || createdAt > this.#latest;
    if (isLatest) this.#latest = createdAt;
    return { message, isLatest };
  }

  /** Up to `limit` messages after `after` (exclusive), oldest first. */
  since(after: Instant, limit: number): Message[] {
    let start = this.#messages.lowerBound(after);
    if (this.#messages.keyAt(start) === after) start += 1;
    return this.#messages.slice(start, start + limit);
  }

  page(limit: number, cursor: string | null): Page<Message> {
    const before = cursor === null ? null : decodeCursor(cursor, 'messages', this.uuid, isInstant);
    const { items, nextKey } = this.#messages.pageBelow(limit, before);
    return { items, nextCursor: nextKey === null ? null : encodeCursor('messages', this.uuid, nextKey) };
  }
}
