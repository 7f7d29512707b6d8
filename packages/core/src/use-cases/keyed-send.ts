import { IdempotencyKeyInvalidError, IdempotencyKeyReusedError } from '../domain/errors.js';
import { IDEMPOTENCY_WINDOW_SECONDS, isIdempotencyKey } from '../domain/idempotency-key.js';
import { epochMicrosOf, instantFromEpochMicros } from '../domain/instant.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SendReceipt, SendReceipts } from '../ports/send-receipts.js';

const WINDOW_MICROS = BigInt(IDEMPOTENCY_WINDOW_SECONDS) * 1_000_000n;

export interface KeyedSendDeps {
  readonly receipts?: SendReceipts | undefined;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Refuses a malformed key before anything is read or written. */
export const checkIdempotencyKey = (key: string | undefined): void => {
  if (key !== undefined && !isIdempotencyKey(key)) throw new IdempotencyKeyInvalidError();
};

/**
 * The message uuid and time a send uses. Without a key, fresh ones. With a key, one
 * conditional write claims them for (sender, key); a repeat gets the first attempt's back,
 * so appending again stores nothing new and finishes whatever the first attempt left.
 */
export const identityOfSend = async (
  { receipts, clock, ids }: KeyedSendDeps,
  request: { senderUuid: string; groupUuid: string; key: string | undefined; fingerprint: () => string },
): Promise<Pick<SendReceipt, 'messageUuid' | 'groupUuid' | 'sentAt'>> => {
  const now = clock.now();
  const fresh = { messageUuid: ids.uuid(), groupUuid: request.groupUuid, sentAt: now };
  if (request.key === undefined) return fresh;
  if (!receipts) throw new Error('CreateMessage got an idempotency key but has no SendReceipts port.');
  const fingerprint = request.fingerprint();
  const held = await receipts.claim({
    senderUuid: request.senderUuid,
    key: request.key,
    receipt: { ...fresh, fingerprint },
    now,
    expiresAt: instantFromEpochMicros(epochMicrosOf(now) + WINDOW_MICROS),
  });
  // The group is part of the fingerprint's target in update mode and follows from the pair in
  // create mode; a mismatch would mean the key named another conversation.
  if (held.fingerprint !== fingerprint || held.groupUuid !== request.groupUuid) {
    throw new IdempotencyKeyReusedError(request.key);
  }
  return held;
};
