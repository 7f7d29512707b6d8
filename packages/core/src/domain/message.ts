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
}

/** The two members of a group, by user uuid. Membership never changes. */
export type GroupMembers = readonly [string, string];

export const isMember = (members: GroupMembers, userUuid: string): boolean =>
  members[0] === userUuid || members[1] === userUuid;
