import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  Conversations,
  GroupMembers,
  InboxEntry,
  Instant,
  Message,
  NewMessage,
  Page,
  PageRequest,
  Participant,
} from '@cruddur/core';
import { BackgroundRetries, type BackgroundRetriesOptions } from './background-retries.js';
import { GroupDirectory } from './group-directory.js';
import type { LastMessage } from './group-item.js';
import { InboxDelivery } from './inbox-delivery.js';
import { listInboxPage } from './list-inbox.js';
import { listMessagesPage } from './list-messages.js';
import { listMessagesSince } from './list-messages-since.js';
import { MessagesTable } from './messages-table.js';
import { storeMessage } from './store-message.js';
import { WITHDRAW_BACKOFF_MS, withdrawMessage } from './withdraw-message.js';

export interface DynamoConversationsOptions {
  /** One client for the whole process; see `createDynamoDocumentClient`. */
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Groups whose membership is kept in memory (it never changes). Default 10 000. */
  readonly membershipCacheSize?: number;
  /** The queue that finishes inbox work a send could not finish itself (bounds, backoff, logging). */
  readonly backgroundRetries?: BackgroundRetriesOptions;
}

/**
 * `Conversations` on the original Cruddur DynamoDB layout, without transactions (dynalite
 * has none): every write is a single-item conditional write, ordered so that a send
 * interrupted after any step is completed by its retry or by the next send (README.md, DynamoDB section).
 */
export class DynamoConversations implements Conversations {
  private readonly table: MessagesTable;
  private readonly groups: GroupDirectory;
  private readonly background: BackgroundRetries;
  private readonly inbox: InboxDelivery;
  private giveUpListener: (key: string, error: unknown) => void = () => {};

  constructor({
    client,
    tableName,
    membershipCacheSize = 10_000,
    backgroundRetries,
  }: DynamoConversationsOptions) {
    this.table = new MessagesTable(client, tableName);
    this.groups = new GroupDirectory(this.table, membershipCacheSize);
    this.background = new BackgroundRetries({
      ...backgroundRetries,
      onGiveUp: (key, error) => {
        backgroundRetries?.onGiveUp?.(key, error);
        this.giveUpListener(key, error);
      },
    });
    this.inbox = new InboxDelivery(this.table, this.background);
  }

  listInbox(ownerUuid: string, page: PageRequest): Promise<Page<InboxEntry>> {
    return listInboxPage(this.table, ownerUuid, page);
  }

  listMessages(groupUuid: string, page: PageRequest): Promise<Page<Message>> {
    return listMessagesPage(this.table, groupUuid, page);
  }

  listMessagesSince(groupUuid: string, after: Instant, limit: number): Promise<Message[]> {
    return listMessagesSince(this.table, groupUuid, after, limit);
  }

  findGroupMembers(groupUuid: string, askedBy?: string): Promise<GroupMembers | null> {
    return this.groups.membersOf(groupUuid, askedBy);
  }

  findGroupByPair(userA: string, userB: string): Promise<string | null> {
    return this.groups.groupOfPair(userA, userB);
  }

  openGroup(members: GroupMembers, proposedUuid: string): Promise<string> {
    return this.groups.open(members, proposedUuid);
  }

  /**
   * The README's "write path of a send", step by step. Once step 1 is done this never throws:
   * a failed later step is retried once, then finished by the background queue.
   */
  async append(message: NewMessage): Promise<Message> {
    const { groupUuid, sender, recipient } = message;
    // Before any write: only the group's two members send into it (cached, no call once known).
    await this.groups.admit(groupUuid, sender.uuid, recipient.uuid);
    // 1. The message row, the truth: if this fails, the send fails and nothing is stored.
    const stored = await this.storeOrWithdraw(message);
    // 2. The group's marker; 3–4. both inbox rows, in parallel; 5. the sweep, in the background.
    await this.inbox.deliver(lastMessageOf(stored, recipient));
    return stored;
  }

  /**
   * Step 1, and what "nothing is stored" takes when it fails: a put the engine applied but did
   * not answer is deleted again, now or in the background once the engine is back. A
   * repeatable send (idempotency key) keeps such a row instead: its repeat finds and finishes it.
   */
  private async storeOrWithdraw(message: NewMessage): Promise<Message> {
    const triedAt: Instant[] = [];
    try {
      return await storeMessage(this.table, message, triedAt);
    } catch (error) {
      if (!message.repeatable && triedAt.length > 0) {
        const { groupUuid, messageUuid } = message;
        this.background.schedule(
          `withdraw:${messageUuid}`,
          () => withdrawMessage(this.table, groupUuid, messageUuid, triedAt),
          0,
          WITHDRAW_BACKOFF_MS,
        );
      }
      throw error;
    }
  }

  /**
   * Tells `listener` about background work given up (retries exhausted, or the queue full):
   * an inbox left to the next send or `repair`, or a failed send's row left stored. The host
   * logs it; without a listener it is dropped silently.
   */
  onGiveUp(listener: (key: string, error: unknown) => void): void {
    this.giveUpListener = listener;
  }

  /** Resolves when no background inbox work is waiting or running (tests, benchmarks). */
  drain(): Promise<void> {
    return this.background.drain();
  }

  /** Stops taking background work and finishes what is queued; call it on shutdown. */
  close(): Promise<void> {
    return this.background.close();
  }
}

const lastMessageOf = (message: Message, recipient: Participant): LastMessage => ({
  groupUuid: message.groupUuid,
  messageUuid: message.uuid,
  text: message.text,
  createdAt: message.createdAt,
  sender: message.sender,
  recipient,
});
