import { epochMicrosOf, type Instant, isInstant, type SendReceipt } from '@cruddur/core';
import type { ItemKey } from './keys.js';
import { type Item, stringAttribute } from './rows.js';

/**
 * A send receipt's item, in a partition per sender: `IDEM#<sender uuid>`, sort key = the
 * idempotency key. The original's queries (`pk = GRP#…`, `pk = MSG#…`) never match it, and it
 * carries no `message_group_uuid`, so it stays out of the group index.
 */
const RECEIPT_PREFIX = 'IDEM#';

/** Name of the DynamoDB TTL attribute (epoch seconds); enable TTL on it for the table. */
export const RECEIPT_TTL_ATTRIBUTE = 'ttl';

export const receiptKey = (senderUuid: string, key: string): ItemKey => ({
  pk: `${RECEIPT_PREFIX}${senderUuid}`,
  sk: key,
});

/** Rounded up, so DynamoDB's TTL sweep never removes a receipt before it expires. */
const epochSecondsCeil = (instant: Instant): number =>
  Number((epochMicrosOf(instant) + 999_999n) / 1_000_000n);

/**
 * `expires_at` (the instant, exact) decides expiry in the claim's condition and on read:
 * the TTL sweep runs up to days late, and dynalite never runs it.
 */
export const receiptItem = (
  senderUuid: string,
  key: string,
  receipt: SendReceipt,
  expiresAt: Instant,
): Item => ({
  ...receiptKey(senderUuid, key),
  fingerprint: receipt.fingerprint,
  message_uuid: receipt.messageUuid,
  group_uuid: receipt.groupUuid,
  sent_at: receipt.sentAt,
  expires_at: expiresAt,
  [RECEIPT_TTL_ATTRIBUTE]: epochSecondsCeil(expiresAt),
});

/** The receipt an item holds at `now`; null when absent, expired or not a receipt. */
export const readLiveReceipt = (item: Item | undefined, now: Instant): SendReceipt | null => {
  if (item === undefined) return null;
  const expiresAt = stringAttribute(item, 'expires_at');
  const fingerprint = stringAttribute(item, 'fingerprint');
  const messageUuid = stringAttribute(item, 'message_uuid');
  const groupUuid = stringAttribute(item, 'group_uuid');
  const sentAt = stringAttribute(item, 'sent_at');
  if (expiresAt === null || expiresAt <= now) return null;
  if (
    fingerprint === null ||
    messageUuid === null ||
    groupUuid === null ||
    sentAt === null ||
    !isInstant(sentAt)
  ) {
    return null;
  }
  return { fingerprint, messageUuid, groupUuid, sentAt };
};
