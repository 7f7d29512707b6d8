import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Instant } from '../domain/instant.js';
import type { ReceiptClaim, SendReceipt, SendReceipts } from '../ports/send-receipts.js';
import { anInstant } from './builders.js';

const aReceipt = (overrides: Partial<SendReceipt> = {}): SendReceipt => ({
  fingerprint: randomUUID(),
  messageUuid: randomUUID(),
  groupUuid: randomUUID(),
  sentAt: anInstant(0, 123_456),
  ...overrides,
});

const DAY = 24 * 60 * 60;

/** A claim made at `anInstant(at)` that expires a day later. */
const aClaim = (senderUuid: string, key: string, receipt: SendReceipt, at = 0): ReceiptClaim => ({
  senderUuid,
  key,
  receipt,
  now: anInstant(at),
  expiresAt: anInstant(at + DAY),
});

/** Run by every `SendReceipts` adapter against its own engine. */
export function runSendReceiptsContract(name: string, setup: () => Promise<SendReceipts>, parallelClaims = 20): void {
  describe(`SendReceipts contract: ${name}`, () => {
    let receipts: SendReceipts;
    const claim = (c: ReceiptClaim): Promise<SendReceipt> => receipts.claim(c);

    beforeAll(async () => {
      receipts = await setup();
    });

    it('stores a first claim and returns it exactly, microseconds included', async () => {
      const receipt = aReceipt();
      expect(await claim(aClaim(randomUUID(), 'key-1', receipt))).toEqual(receipt);
    });

    it('returns the first receipt to every later claim of the key', async () => {
      const [sender, first] = [randomUUID(), aReceipt()];
      await claim(aClaim(sender, 'k', first));
      expect(await claim(aClaim(sender, 'k', aReceipt(), 60))).toEqual(first);
      expect(await claim(aClaim(sender, 'k', aReceipt(), DAY - 1))).toEqual(first);
    });

    it('keeps keys apart per sender and per key', async () => {
      const [ada, bo] = [randomUUID(), randomUUID()];
      const [a1, a2, b1] = [aReceipt(), aReceipt(), aReceipt()];
      expect(await claim(aClaim(ada, 'same', a1))).toEqual(a1);
      expect(await claim(aClaim(bo, 'same', b1))).toEqual(b1);
      expect(await claim(aClaim(ada, 'Same', a2))).toEqual(a2);
      expect(await claim(aClaim(ada, 'same', aReceipt()))).toEqual(a1);
    });

    it('treats a receipt as absent from its expiry on, and lets the key be claimed anew', async () => {
      const [sender, first, second] = [randomUUID(), aReceipt(), aReceipt()];
      await claim(aClaim(sender, 'k', first));
      const atExpiry: ReceiptClaim = { ...aClaim(sender, 'k', second, DAY), now: anInstant(DAY) };
      expect(await claim(atExpiry)).toEqual(second);
      expect(await claim(aClaim(sender, 'k', aReceipt(), DAY + 1))).toEqual(second);
    });

    it('expires to the microsecond', async () => {
      const [sender, first, second] = [randomUUID(), aReceipt(), aReceipt()];
      const expiresAt: Instant = anInstant(10, 500_000);
      await claim({ ...aClaim(sender, 'k', first), expiresAt });
      expect(await claim({ ...aClaim(sender, 'k', second), now: anInstant(10, 499_999) })).toEqual(first);
      expect(await claim({ ...aClaim(sender, 'k', second), now: anInstant(10, 500_000) })).toEqual(second);
    });

    it('holds any visible ASCII key up to 255 characters', async () => {
      const sender = randomUUID();
      const visible = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
      for (const key of [visible, 'x'.repeat(255), '#', 'IDEM#', '"quoted"']) {
        const receipt = aReceipt();
        expect(await claim(aClaim(sender, key, receipt))).toEqual(receipt);
        expect(await claim(aClaim(sender, key, aReceipt()))).toEqual(receipt);
      }
    });

    it(`gives ${parallelClaims} concurrent claims of one key the same receipt, one of theirs`, async () => {
      const sender = randomUUID();
      const proposals = Array.from({ length: parallelClaims }, () => aReceipt());
      const held = await Promise.all(proposals.map((receipt) => claim(aClaim(sender, 'race', receipt))));
      expect(new Set(held.map((r) => r.messageUuid)).size).toBe(1);
      expect(proposals).toContainEqual(held[0]);
      expect(held.every((r) => JSON.stringify(r) === JSON.stringify(held[0]))).toBe(true);
    });
  });
}
