import type { Instant } from './instant.js';
import type { Participant } from './user.js';

export interface Message {
  readonly uuid: string;
  readonly groupUuid: string;
  readonly sender: Participant;
  readonly text: string;
  readonly createdAt: Instant;
}

/** One conversation as seen from one member's inbox. */
export interface InboxEntry {
  readonly groupUuid: string;
  /** The other member, as of the group's latest message. */
  readonly otherUser: Participant;
  readonly lastMessage: string;
  readonly lastMessageAt: Instant;
  /**
   * Who sent the last message, when the adapter knows (rows the original wrote do not say):
   * an inbox whose last message is the reader's own needs no read of the messages.
   */
  readonly lastSenderUuid?: string | undefined;
}

/** An inbox entry with the owner's read state. */
export interface InboxEntryWithReadState extends InboxEntry {
  /** The owner's effective read marker (see `ReadPosition`); null until they first read or send in the group. */
  readonly lastReadAt: Instant | null;
  /** Messages from the other member after the marker. */
  readonly unreadCount: number;
}

/** A member moved their read marker: told to both members' streams. */
export interface ReadMarkerMoved {
  readonly groupUuid: string;
  readonly reader: { readonly uuid: string; readonly handle: string };
  readonly lastReadAt: Instant;
}

/** The two members of a group, by user uuid. Membership never changes. */
export type GroupMembers = readonly [string, string];

export const isMember = (members: GroupMembers, userUuid: string): boolean =>
  members[0] === userUuid || members[1] === userUuid;
