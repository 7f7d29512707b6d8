import type { Instant } from '../domain/instant.js';
import type { GroupMembers, InboxEntry, Message } from '../domain/message.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { Participant } from '../domain/user.js';

export interface NewMessage {
  readonly groupUuid: string;
  readonly messageUuid: string;
  readonly sender: Participant;
  /** The other member, as shown on the sender's inbox row. */
  readonly recipient: Participant;
  readonly text: string;
  /** Requested time; the stored `createdAt` may be later by microseconds to stay unique. */
  readonly sentAt: Instant;
  /**
   * True when this same message may be appended again (a send under an idempotency key): an
   * append that fails then leaves any row it may have stored for the repeat to find. Otherwise
   * a failed append withdraws whatever it may have stored, so that its failure means "not sent".
   */
  readonly repeatable?: boolean;
}

/** Message groups, their messages and every member's inbox (DynamoDB in production). */
export interface Conversations {
  /** The owner's groups, latest activity first, one entry per group. */
  listInbox(ownerUuid: string, page: PageRequest): Promise<Page<InboxEntry>>;
  /** Newest page first; items within a page run oldest to newest. */
  listMessages(groupUuid: string, page: PageRequest): Promise<Page<Message>>;
  /**
   * Messages stored after `after` (exclusive), oldest first, at most `limit` (1–1000): how an
   * event stream catches up. Continue from the last one's `createdAt`.
   */
  listMessagesSince(groupUuid: string, after: Instant, limit: number): Promise<Message[]>;
  /**
   * `askedBy`: the user the answer is for. An adapter that caches membership answers a
   * non-member with the same work as an unknown group, so timing tells no outsider which
   * groups exist.
   */
  findGroupMembers(groupUuid: string, askedBy?: string): Promise<GroupMembers | null>;
  findGroupByPair(userA: string, userB: string): Promise<string | null>;
  /**
   * The pair's group, created under `proposedUuid` if the pair has none. Two concurrent
   * calls for one pair return the same uuid.
   */
  openGroup(members: GroupMembers, proposedUuid: string): Promise<string>;
  /**
   * Stores the message and moves both members' inbox rows to it. Callers open or find the
   * group first; a group uuid that was never opened becomes the group of the sender and the
   * recipient (what the DynamoDB adapter does when it heals an `openGroup` that crashed before
   * writing membership), findable by members and by pair afterwards. A send into an existing
   * group whose two members are not the sender and the recipient is refused with
   * `MessageGroupNotFoundError` before anything is written. When it throws for any other
   * reason, the message is not stored, or (an engine that may have applied a write it did not
   * answer) it is removed soon after, unless the message is `repeatable`.
   */
  append(message: NewMessage): Promise<Message>;
}
