import {
  type Conversations,
  type GroupMembers,
  type InboxEntry,
  type Instant,
  isInstant,
  InvalidPageLimitError,
  MAX_PAGE_LIMIT,
  type Message,
  MessageGroupNotFoundError,
  type NewMessage,
  normalizeInstant,
  type Page,
  type PageRequest,
  ValidationError,
} from '@cruddur/core';
import { decodeCursor } from './cursor.js';
import { Inbox } from './inbox.js';
import { MessageGroup } from './message-group.js';

/** What the contract suite's backdoor reads: every stored inbox row, duplicates included. */
export interface StoredInboxRow {
  readonly groupUuid: string;
  readonly lastMessage: string;
}

/**
 * Conversations held in process memory, with the semantics of the DynamoDB adapter: messages
 * unique per (group, createdAt), one inbox row per (member, group) carrying the group's
 * latest message. Every method runs without awaiting in between, so each is atomic.
 */
export class InMemoryConversations implements Conversations {
  readonly #groups = new Map<string, MessageGroup>();
  readonly #groupByPair = new Map<string, string>();
  readonly #inboxes = new Map<string, Inbox>();

  async listInbox(ownerUuid: string, page: PageRequest): Promise<Page<InboxEntry>> {
    checkLimit(page.limit);
    // An owner with no inbox still gets their cursor checked, hence the throwaway Inbox.
    return (this.#inboxes.get(ownerUuid) ?? new Inbox(ownerUuid)).page(page.limit, page.cursor);
  }

  async listMessages(groupUuid: string, page: PageRequest): Promise<Page<Message>> {
    checkLimit(page.limit);
    const group = this.#groups.get(groupUuid);
    if (group) return group.page(page.limit, page.cursor);
    // Like a DynamoDB query of an empty partition: no error, and no read spent on membership.
    if (page.cursor !== null) decodeCursor(page.cursor, 'messages', groupUuid, isInstant);
    return { items: [], nextCursor: null };
  }

  async listMessagesSince(groupUuid: string, after: Instant, limit: number): Promise<Message[]> {
    return this.#groups.get(groupUuid)?.since(after, limit) ?? [];
  }

  async findGroupMembers(groupUuid: string): Promise<GroupMembers | null> {
    return this.#groups.get(groupUuid)?.members ?? null;
  }

  async findGroupByPair(userA: string, userB: string): Promise<string | null> {
    return this.#groupByPair.get(pairKey(userA, userB)) ?? null;
  }

  async openGroup([first, second]: GroupMembers, proposedUuid: string): Promise<string> {
    if (first === second) throw new ValidationError(['cannot_message_self']);
    const key = pairKey(first, second);
    const existing = this.#groupByPair.get(key);
    if (existing !== undefined) return existing;
    if (this.#groups.has(proposedUuid)) throw new Error(`Group uuid ${proposedUuid} is already in use.`);
    this.#groups.set(proposedUuid, new MessageGroup(proposedUuid, Object.freeze([first, second] as const)));
    this.#groupByPair.set(key, proposedUuid);
    return proposedUuid;
  }

  async append(draft: NewMessage): Promise<Message> {
    const group = this.#groups.get(draft.groupUuid) ?? this.#adopt(draft);
    // The use cases check membership first; this guards direct callers of the port.
    if (!isPairOf(group.members, draft.sender.uuid, draft.recipient.uuid)) {
      throw new MessageGroupNotFoundError(draft.groupUuid);
    }
    // Clocks give the fixed-width form; only other variants pay for parsing.
    const sentAt = isInstant(draft.sentAt) ? draft.sentAt : normalizeInstant(draft.sentAt);
    if (sentAt === null) throw new RangeError(`sentAt is not a time: ${draft.sentAt}`);
    const { message, isLatest } = group.add(
      { uuid: draft.messageUuid, sender: draft.sender, text: draft.text },
      sentAt,
    );
    // An older send (a slow request) is stored but never replaces a newer last message.
    if (isLatest) {
      const last = {
        groupUuid: group.uuid,
        lastMessage: message.text,
        lastMessageAt: message.createdAt,
        lastSenderUuid: message.sender.uuid,
      };
      this.#inboxOf(draft.sender.uuid).put({ ...last, otherUser: draft.recipient });
      this.#inboxOf(draft.recipient.uuid).put({ ...last, otherUser: draft.sender });
    }
    return message;
  }

  /** A group uuid never opened becomes the group of its first send's sender and recipient (port doc). */
  #adopt({ groupUuid, sender, recipient }: NewMessage): MessageGroup {
    if (sender.uuid === recipient.uuid) throw new MessageGroupNotFoundError(groupUuid);
    const group = new MessageGroup(groupUuid, Object.freeze([sender.uuid, recipient.uuid] as const));
    this.#groups.set(groupUuid, group);
    const pair = pairKey(sender.uuid, recipient.uuid);
    if (!this.#groupByPair.has(pair)) this.#groupByPair.set(pair, groupUuid);
    return group;
  }

  /** Backdoor for the contract suite; not part of the port. */
  async storedInboxRows(ownerUuid: string): Promise<StoredInboxRow[]> {
    const rows = this.#inboxes.get(ownerUuid)?.rows() ?? [];
    return rows.map(({ groupUuid, lastMessage }) => ({ groupUuid, lastMessage }));
  }

  #inboxOf(ownerUuid: string): Inbox {
    let inbox = this.#inboxes.get(ownerUuid);
    if (!inbox) {
      inbox = new Inbox(ownerUuid);
      this.#inboxes.set(ownerUuid, inbox);
    }
    return inbox;
  }
}

const pairKey = (userA: string, userB: string): string =>
  userA < userB ? `${userA}|${userB}` : `${userB}|${userA}`;

const isPairOf = (members: GroupMembers, userA: string, userB: string): boolean =>
  userA !== userB && members.includes(userA) && members.includes(userB);

/** Same rule as the use cases; a direct caller passing 0 would otherwise get an empty page. */
const checkLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InvalidPageLimitError(limit, MAX_PAGE_LIMIT);
  }
};
