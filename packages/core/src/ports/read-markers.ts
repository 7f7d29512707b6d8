import type { Instant } from '../domain/instant.js';

export interface MarkerMove {
  /** The marker after the call: `to`, or a later one already stored. */
  readonly lastReadAt: Instant;
  /** False when the marker was already at `to` or later (nothing was written). */
  readonly moved: boolean;
}

/** One stored message of a group, as read state needs it: when, and by whom. */
export interface SentMark {
  readonly createdAt: Instant;
  readonly senderUuid: string;
}

/**
 * How far each member has read each conversation (DynamoDB in production), and who sent the
 * messages after a marker. Stored markers only move forward; what a member has *effectively*
 * read (the stored marker, or their own latest message if later) is derived in core
 * (`use-cases/read-position.ts`), so every adapter answers the same.
 */
export interface ReadMarkers {
  /** Every marker the owner has, by group uuid (groups never read are absent). */
  markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>>;
  /** The owner's marker of one group, read consistently; null if never read. */
  markerOf(ownerUuid: string, groupUuid: string): Promise<Instant | null>;
  /** Moves the owner's marker of the group to `to`, unless it is already there or later. */
  advance(ownerUuid: string, groupUuid: string, to: Instant): Promise<MarkerMove>;
  /**
   * The group's stored messages after `after` (exclusive; null: all), newest first, read from
   * the messages themselves (so exact). Callers stop iterating once they have what they need;
   * an adapter reads further only as far as the caller iterates.
   */
  sendsAfter(groupUuid: string, after: Instant | null): AsyncIterable<SentMark>;
}
