import {
  DependencyUnavailableError,
  type InboxEntry,
  type Instant,
  nextMicrosecond,
  type Participant,
} from '@cruddur/core';
import { isConditionalCheckFailed, RETRY_AFTER } from './errors.js';
import { type ItemKey, inboxKey, inboxPartition, instantOfInboxSortKey, MESSAGE_GROUP_INDEX } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { type Item, participantAttributes, readParticipant, stringAttribute } from './rows.js';

/** What one owner's inbox row for a group shows: the other member and the last message. */
export interface InboxRow {
  readonly ownerUuid: string;
  readonly other: Participant;
  readonly groupUuid: string;
  readonly text: string;
  readonly at: Instant;
  /** Who sent the last message (absent on rows written before it was recorded, or by the original). */
  readonly senderUuid?: string | undefined;
}

/**
 * Who sent the row's last message: ours, not the original's (its queries read named attributes
 * and ignore this one). Read state needs no message read for an entry the owner sent last.
 */
const LAST_SENDER = 'last_sender_uuid';

/** The attribute naming an inbox row's group: the hash key of the group index (`table.ts`). */
export const INBOX_GROUP = 'message_group_uuid';

/** The group an inbox row (or an index entry projecting it) belongs to. */
export const groupOfInboxRow = (item: Item): string | null => stringAttribute(item, INBOX_GROUP);

/** Query input for the inbox rows of a group, in any owner's partition, through the group index. */
export const inboxRowsOfGroup = (groupUuid: string) => ({
  IndexName: MESSAGE_GROUP_INDEX,
  KeyConditionExpression: `${INBOX_GROUP} = :g`,
  ExpressionAttributeValues: { ':g': groupUuid },
});

/**
 * The owner's inbox row for a group. Only inbox rows carry `message_group_uuid`, so the
 * `message-group-sk-index` holds exactly the inbox rows, as in the original.
 */
export const inboxRowItem = ({ ownerUuid, other, groupUuid, text, at, senderUuid }: InboxRow): Item => ({
  ...inboxKey(ownerUuid, at),
  [INBOX_GROUP]: groupUuid,
  message: text,
  ...participantAttributes(other),
  ...(senderUuid === undefined ? {} : { [LAST_SENDER]: senderUuid }),
});

export const readInboxRow = (item: Item): InboxEntry | null => {
  const sk = stringAttribute(item, 'sk');
  const groupUuid = groupOfInboxRow(item);
  const lastMessage = stringAttribute(item, 'message');
  const otherUser = readParticipant(item);
  const lastMessageAt = sk === null ? null : instantOfInboxSortKey(sk);
  if (groupUuid === null || lastMessage === null || otherUser === null || lastMessageAt === null) return null;
  const lastSenderUuid = stringAttribute(item, LAST_SENDER);
  return { groupUuid, otherUser, lastMessage, lastMessageAt, ...(lastSenderUuid === null ? {} : { lastSenderUuid }) };
};

/** Rows read after a collision to find the next free microsecond. */
const COLLISION_WINDOW = 20;
const MAX_ATTEMPTS = 10;

/** The first microsecond at or after `from` that no row of another group holds. */
const nextFree = async (table: MessagesTable, row: InboxRow, from: Instant): Promise<Instant> => {
  const { Items = [] } = await table.query({
    KeyConditionExpression: 'pk = :pk AND sk >= :from',
    ExpressionAttributeValues: { ':pk': inboxPartition(row.ownerUuid), ':from': from },
    ProjectionExpression: `sk, ${INBOX_GROUP}`,
    ConsistentRead: true,
    Limit: COLLISION_WINDOW,
  });
  let candidate = from;
  for (const item of Items) {
    if (stringAttribute(item, 'sk') !== candidate) continue;
    if (groupOfInboxRow(item) === row.groupUuid) break;
    candidate = nextMicrosecond(candidate);
  }
  return candidate;
};

/**
 * Puts the row under its bare instant. The key must stay unique in the owner's partition:
 * the condition lets the put replace only a row of the same group (a retry, or an older
 * message of the group); when another group holds the instant, the row moves to the next
 * free microsecond. Returns the key it was written under.
 */
export const putInboxRow = async (table: MessagesTable, row: InboxRow): Promise<ItemKey> => {
  let at = row.at;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const item = inboxRowItem({ ...row, at });
    try {
      await table.put({
        Item: item,
        ConditionExpression: `attribute_not_exists(pk) OR ${INBOX_GROUP} = :g`,
        ExpressionAttributeValues: { ':g': row.groupUuid },
      });
      return inboxKey(row.ownerUuid, at);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    at = await nextFree(table, row, at);
  }
  // Ten groups of one owner within microseconds of each other: behave like throttling.
  throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.throttled);
};
