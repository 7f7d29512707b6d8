import { type Instant, isInstant, normalizeInstant } from '@cruddur/core';

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
/** Separated the instant from the group uuid in the inbox sort keys earlier versions wrote. */
const LEGACY_SK_SEPARATOR = '#';

/** List inbox: one partition per owner, one row per (owner, group). */
export const inboxPartition = (ownerUuid: string): string => `${INBOX_PREFIX}${ownerUuid}`;

/**
 * An inbox row's sort key: the bare fixed-width instant of the group's last message, exactly
 * the original's shape (its API returns the key as `created_at` and its frontend parses it).
 * Two groups of one owner can share an instant: the row writer then moves the later one to
 * the next free microsecond (`inbox-row.ts`), so the key stays unique in the partition.
 */
export const inboxSortKey = (lastMessageAt: Instant): string => lastMessageAt;

export const inboxKey = (ownerUuid: string, lastMessageAt: Instant): ItemKey => ({
  pk: inboxPartition(ownerUuid),
  sk: inboxSortKey(lastMessageAt),
});

/** The owner of an inbox row, from its partition key; null for any other item. */
export const ownerOfInboxPartition = (pk: string): string | null =>
  pk.startsWith(INBOX_PREFIX) ? pk.slice(INBOX_PREFIX.length) : null;

/**
 * The last-message time of an inbox row, whoever wrote it: the original's variants (no
 * fraction, naive, `+00:00`) and the `<instant>#<group uuid>` keys earlier versions wrote.
 */
export const instantOfInboxSortKey = (sk: string): Instant | null => {
  const separator = sk.indexOf(LEGACY_SK_SEPARATOR);
  return instantOfSortKey(separator === -1 ? sk : sk.slice(0, separator));
};

/** True for the `<instant>#<group uuid>` keys earlier versions wrote (repair rewrites them). */
export const isLegacySuffixedSortKey = (sk: string): boolean => sk.includes(LEGACY_SK_SEPARATOR);

/** True for the keys this adapter writes now: the bare instant in its fixed-width spelling. */
export const isCanonicalInboxSortKey = (sk: string): boolean => isInstant(sk);

/** A sort key's instant; keys already in the fixed-width form (all we write) are not re-parsed. */
export const instantOfSortKey = (sk: string): Instant | null => (isInstant(sk) ? sk : normalizeInstant(sk));

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

/** Partition-key prefixes of group and pair items, for the repair sweep's scan filter. */
export const GROUP_PARTITION_PREFIX = GROUP_PREFIX;
export const PAIR_PARTITION_PREFIX = PAIR_PREFIX;

/** The group of a group item, from its partition key; null for any other item. */
export const groupOfGroupPartition = (pk: string): string | null =>
  pk.startsWith(GROUP_PREFIX) ? pk.slice(GROUP_PREFIX.length) : null;
