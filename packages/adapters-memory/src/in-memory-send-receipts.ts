import type { Instant, ReceiptClaim, SendReceipt, SendReceipts } from '@cruddur/core';

interface Held {
  readonly receipt: SendReceipt;
  readonly expiresAt: Instant;
}

/**
 * Send receipts in process memory. `claim` runs without awaiting, so it is atomic. Entries
 * are kept in claim order and expired ones are dropped from the front as claims go by,
 * which keeps the map about one window's worth of claims long.
 */
export class InMemorySendReceipts implements SendReceipts {
  readonly #held = new Map<string, Held>();

  async claim({ senderUuid, key, receipt, now, expiresAt }: ReceiptClaim): Promise<SendReceipt> {
    this.#dropExpired(now);
    // A newline cannot occur in a key (visible ASCII), so it separates sender and key safely.
    const id = `${senderUuid}\n${key}`;
    const held = this.#held.get(id);
    if (held && held.expiresAt > now) return held.receipt;
    this.#held.delete(id);
    const stored = Object.freeze({ ...receipt });
    this.#held.set(id, { receipt: stored, expiresAt });
    return stored;
  }

  #dropExpired(now: Instant): void {
    for (const [id, { expiresAt }] of this.#held) {
      if (expiresAt > now) return;
      this.#held.delete(id);
    }
  }
}
