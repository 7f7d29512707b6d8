import { randomInt } from 'node:crypto';
import {
  DependencyUnavailableError,
  epochMicrosOf,
  type Instant,
  instantFromEpochMicros,
  type Message,
  type NewMessage,
} from '@cruddur/core';
import { isConditionalCheckFailed, RETRY_AFTER } from './errors.js';
import { messagesPartition } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { MESSAGE_SLOT_PROJECTION, type MessageSlot, messageRowItem, readMessageSlot } from './message-row.js';

/** Rows read after a collision to find the next free microsecond (and our own earlier try). */
const COLLISION_WINDOW = 50;
const MAX_ATTEMPTS = 20;

const plusMicros = (instant: Instant, micros: number): Instant =>
  instantFromEpochMicros(epochMicrosOf(instant) + BigInt(micros));

/**
 * How far past the first free microsecond to aim. The first retry takes the very next free
 * microsecond, so sequential sends in one microsecond keep their order. Later retries mean
 * many senders race for the same slot: they scatter over a window eight times wider each
 * round (64, 512, … µs), so most land on distinct slots instead of colliding again.
 */
const spread = (attempt: number): number =>
  attempt < 2 ? 0 : randomInt(0, Math.min(8 ** attempt, 1_000_000));

const takenFrom = async (table: MessagesTable, groupUuid: string, from: Instant): Promise<MessageSlot[]> => {
  const { Items = [] } = await table.query({
    KeyConditionExpression: 'pk = :pk AND sk >= :from',
    ExpressionAttributeValues: { ':pk': messagesPartition(groupUuid), ':from': from },
    ProjectionExpression: MESSAGE_SLOT_PROJECTION,
    ConsistentRead: true,
    Limit: COLLISION_WINDOW,
  });
  return Items.flatMap((item) => readMessageSlot(item) ?? []);
};

/** The first microsecond at or after `from` that none of the (ascending) taken rows holds. */
const firstFree = (from: Instant, taken: readonly MessageSlot[]): Instant => {
  let candidate = from;
  for (const { createdAt } of taken) {
    if (createdAt > candidate) break;
    if (createdAt === candidate) candidate = plusMicros(candidate, 1);
  }
  return candidate;
};

/**
 * Step 1 of a send: the message row, the source of truth, written before anything else.
 * `attribute_not_exists(pk)` makes the sort key unique, so no message ever overwrites
 * another; on a collision the message moves to the next free microsecond. A retry of a send
 * whose row is already stored finds it by `message_uuid` and reuses it (idempotent). Every
 * instant a put was tried at is pushed to `triedAt`, for a withdrawal if the send fails.
 */
export const storeMessage = async (
  table: MessagesTable,
  message: NewMessage,
  triedAt: Instant[] = [],
): Promise<Message> => {
  let createdAt = message.sentAt;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored: Message = {
      uuid: message.messageUuid,
      groupUuid: message.groupUuid,
      sender: message.sender,
      text: message.text,
      createdAt,
    };
    triedAt.push(createdAt);
    try {
      await table.put({ Item: messageRowItem(stored), ConditionExpression: 'attribute_not_exists(pk)' });
      return stored;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const taken = await takenFrom(table, message.groupUuid, createdAt);
    const ours = taken.find((row) => row.messageUuid === message.messageUuid);
    if (ours) return { ...stored, createdAt: ours.createdAt };
    createdAt = plusMicros(firstFree(createdAt, taken), spread(attempt + 1));
  }
  // Hundreds of senders in one group within microseconds: behave like throttling.
  throw new DependencyUnavailableError('dynamodb', RETRY_AFTER.throttled);
};
