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
} from '@cruddur/core';
import { GroupDirectory } from './group-directory.js';
import { listInboxPage } from './list-inbox.js';
import { listMessagesPage } from './list-messages.js';
import { listMessagesSince } from './list-messages-since.js';
import type { MessagesTable } from './messages-table.js';
import { storeMessage } from './store-message.js';
import { syncInbox } from './sync-inbox.js';

export interface DynamoConversationsOptions {
  /** One client for the whole process; see `createDynamoDocumentClient`. */
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Groups whose membership is kept in memory (it never changes). Default 10 000. */
  readonly membershipCacheSize?: number;
}

/**
 * `Conversations` on the original Cruddur DynamoDB layout, without transactions (dynalite
 * has none): every write is a single-item conditional write, ordered so that a send
 * interrupted after any step is completed by its retry or by the next send (README.md, DynamoDB section).
 */
export class DynamoConversations implements Conversations {
  private readonly table: MessagesTable;
  private readonly groups: GroupDirectory;

  constructor({ client, tableName, membershipCacheSize = 10_000 }: DynamoConversationsOptions) {
    this.table = { client, name: tableName };
    this.groups = new GroupDirectory(this.table, membershipCacheSize);
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

  findGroupMembers(groupUuid: string): Promise<GroupMembers | null> {
    return this.groups.membersOf(groupUuid);
  }

  findGroupByPair(userA: string, userB: string): Promise<string | null> {
    return this.groups.groupOfPair(userA, userB);
  }

  openGroup(members: GroupMembers, proposedUuid: string): Promise<string> {
    return this.groups.open(members, proposedUuid);
  }

  /** Message row first (the truth), then the marker, then both inbox rows. */
  async append(message: NewMessage): Promise<Message> {
    const stored = await storeMessage(this.table, message);
    await syncInbox(this.table, stored, message.recipient);
    return stored;
  }
}
