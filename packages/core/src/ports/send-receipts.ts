import type { Instant } from '../domain/instant.js';

/** What a send made under an idempotency key recorded: enough to repeat it exactly. */
export interface SendReceipt {
  /** Digest of the request as sent; a repeat with another request is refused. */
  readonly fingerprint: string;
  readonly messageUuid: string;
  readonly groupUuid: string;
  /** The time the first attempt asked for; every repeat appends with it again. */
  readonly sentAt: Instant;
}

export interface ReceiptClaim {
  readonly senderUuid: string;
  /** 1–255 visible ASCII characters, unique per sender. */
  readonly key: string;
  readonly receipt: SendReceipt;
  readonly now: Instant;
  /** From this instant on the receipt counts as absent and the key can be claimed anew. */
  readonly expiresAt: Instant;
}

/**
 * Receipts of sends made with an idempotency key, one per (sender, key), kept until they
 * expire (DynamoDB in production, so every host sees them).
 */
export interface SendReceipts {
  /**
   * Stores the claim's receipt unless a live one holds (sender, key), in one atomic step,
   * and returns the receipt that holds: the claim's own or the earlier one. Concurrent
   * claims of one key all get the same receipt.
   */
  claim(claim: ReceiptClaim): Promise<SendReceipt>;
}
