import type { Instant } from '../domain/instant.js';
import type { InboxEntry } from '../domain/message.js';
import type { SentMark } from '../ports/read-markers.js';

/** A member's read state of one conversation, as inbox entries and mark-read answer it. */
export interface ReadStateOf {
  /** The effective marker; null until the member first reads or sends in the group. */
  readonly lastReadAt: Instant | null;
  /** Messages of the other member after `lastReadAt`. */
  readonly unreadCount: number;
}

/**
 * The read-state rule, in one place for every adapter: a member has read a conversation up to
 * their stored marker or their own latest message, whichever is later (whoever sends has read
 * what came before). A send writes no marker; the rule is applied to the stored messages on
 * every read, so no crash point or race of a send can make it drift.
 */
export interface ReadPosition {
  /** The effective marker (see above). */
  readonly lastReadAt: Instant | null;
  /** The group's latest message after the stored marker; null when there is none. */
  readonly latestAt: Instant | null;
  /** The other member's messages after `from`, for any `from` at or after `lastReadAt`. */
  unreadAfter(from: Instant | null): number;
}

export const laterOf = (a: Instant | null, b: Instant | null): Instant | null =>
  a === null ? b : b === null || a > b ? a : b;

/**
 * Reads `sends` (the messages after the stored marker, newest first) until the reader's own
 * latest message: everything after it is unread, everything before it is read.
 */
export const readPosition = async (
  readerUuid: string,
  marker: Instant | null,
  sends: AsyncIterable<SentMark>,
): Promise<ReadPosition> => {
  let latestAt: Instant | null = null;
  let own: Instant | null = null;
  const others: Instant[] = []; // newest first
  for await (const sent of sends) {
    latestAt ??= sent.createdAt;
    if (sent.senderUuid === readerUuid) {
      own = sent.createdAt;
      break;
    }
    others.push(sent.createdAt);
  }
  return {
    lastReadAt: laterOf(marker, own),
    latestAt,
    unreadAfter: (from) => {
      const firstRead = from === null ? -1 : others.findIndex((at) => at <= from);
      return firstRead === -1 ? others.length : firstRead;
    },
  };
};

/**
 * The same rule answered from the inbox entry alone, when it can be: the reader sent the last
 * message, or their marker is at or after it. Null: the messages after the marker must be read.
 */
export const readStateFromInbox = (
  readerUuid: string,
  entry: InboxEntry,
  marker: Instant | null,
): ReadStateOf | null => {
  if (entry.lastSenderUuid === readerUuid)
    return { lastReadAt: laterOf(marker, entry.lastMessageAt), unreadCount: 0 };
  if (marker !== null && marker >= entry.lastMessageAt) return { lastReadAt: marker, unreadCount: 0 };
  return null;
};
