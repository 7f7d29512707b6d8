import type { Instant } from '../domain/instant.js';

export interface MarkerMove {
  /** The marker after the call: `to`, or a later one already stored. */
  readonly lastReadAt: Instant;
  /** False when the marker was already at `to` or later (nothing was written). */
  readonly moved: boolean;
}

/**
 * How far each member has read each conversation (DynamoDB in production), and how many
 * messages follow a marker. Markers only move forward.
 */
export interface ReadMarkers {
  /** Every marker the owner has, by group uuid (groups never read are absent). */
  markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>>;
  /** Moves the owner's marker of the group to `to`, unless it is already there or later. */
  advance(ownerUuid: string, groupUuid: string, to: Instant): Promise<MarkerMove>;
  /**
   * Messages of the group stored after `after` (exclusive; null: all of them) by anyone but
   * the reader: the reader's unread count. Counted from the stored messages, so it is exact.
   */
  countUnread(readerUuid: string, groupUuid: string, after: Instant | null): Promise<number>;
}
