import { type Instant, normalizeInstant } from '@cruddur/core';

/**
 * Every key of the messages table, named by the access pattern it serves. Nothing else in
 * the adapter spells a `GRP#`, `MSG#`, `GROUP#` or `PAIR#` string.
 *
 * The original system's queries are `pk = GRP#<user>` and `pk = MSG#<group>` (with
 * `begins_with(sk, <year>)`); the items this adapter adds live under `GROUP#` and `PAIR#`
 * partitions, which those equality conditions can never match.
 */
// A type alias (not an interface) so a key can serve directly as an `ExclusiveStartKey`.
export type ItemKey = { readonly pk: string; readonly sk: string };

export const MESSAGE_GROUP_INDEX = 'message-group-sk-index';

const INBOX_PREFIX = 'GRP#';
const MESSAGES_PREFIX = 'MSG#';
const GROUP_PREFIX = 'GROUP#';
const PAIR_PREFIX = 'PAIR#';
/** Separates the instant from the group uuid in an inbox sort key. */
const INBOX_SK_SEPARATOR = '#';

/** List inbox: one partition per owner, one row per (owner, group). */
export const inboxPartition = (ownerUuid: string): string => `${INBOX_PREFIX}${ownerUuid}`;

/**
 * An inbox row's sort key: `<instant>#<group uuid>`.
 * - Starts with the fixed-width instant, so string order is time order and the original's
 *   `begins_with(sk, '2026')` still finds it.
 * - The group uuid suffix makes it unique within the owner's partition even when two groups
 *   share a last-message instant; ties then order by group uuid, which is stable.
 * - A group's messages have unique instants, so (owner, instant, group) names one message's row.
 */
export const inboxSortKey = (lastMessageAt: Instant, groupUuid: string): string =>
  `${lastMessageAt}${INBOX_SK_SEPARATOR}${groupUuid}`;

export const inboxKey = (ownerUuid: string, lastMessageAt: Instant, groupUuid: string): ItemKey => ({
  pk: inboxPartition(ownerUuid),
  sk: inboxSortKey(lastMessageAt, groupUuid),
});

/** The owner of an inbox row, from its partition key; null for any other item. */
export const ownerOfInboxPartition = (pk: string): string | null =>
  pk.startsWith(INBOX_PREFIX) ? pk.slice(INBOX_PREFIX.length) : null;

/**
 * The last-message time of an inbox row. Rows we write carry a `#<group>` suffix; rows the
 * original wrote hold a bare timestamp in one of its variants.
 */
export const instantOfInboxSortKey = (sk: string): Instant | null => {
  const separator = sk.indexOf(INBOX_SK_SEPARATOR);
  return normalizeInstant(separator === -1 ? sk : sk.slice(0, separator));
};

/** True for the sort keys this adapter writes (as opposed to the original's bare times). */
export const isCanonicalInboxSortKey = (sk: string): boolean => sk.includes(INBOX_SK_SEPARATOR);

/** List messages: one partition per group, sort key = the message's unique instant. */
export const messagesPartition = (groupUuid: string): string => `${MESSAGES_PREFIX}${groupUuid}`;

export const messageKey = (groupUuid: string, createdAt: Instant): ItemKey => ({
  pk: messagesPartition(groupUuid),
  sk: createdAt,
});

/** Group membership and the forward-only "last message" marker, one item per group. */
export const groupKey = (groupUuid: string): ItemKey => ({ pk: `${GROUP_PREFIX}${groupUuid}`, sk: 'GROUP' });

/** Pair → group lookup. Member order does not matter: the uuids are sorted. */
export const pairKey = (userA: string, userB: string): ItemKey => {
  const [first, second] = userA < userB ? [userA, userB] : [userB, userA];
  return { pk: `${PAIR_PREFIX}${first}#${second}`, sk: 'PAIR' };
};

/** Partition-key prefix of group items, for the repair sweep's scan filter. */
export const GROUP_PARTITION_PREFIX = GROUP_PREFIX;

/** The group of a group item, from its partition key; null for any other item. */
export const groupOfGroupPartition = (pk: string): string | null =>
  pk.startsWith(GROUP_PREFIX) ? pk.slice(GROUP_PREFIX.length) : null;
