import { randomBytes } from 'node:crypto';
import type { VerifiedIdentity } from '@cruddur/core';

export const TICKET_TTL_SECONDS = 60;

/**
 * Single-use stand-ins for an access token, for clients that cannot send headers (a
 * browser's EventSource). Kept in this host's memory: a ticket is redeemed on the host that
 * issued it. Bounded: past `maxTickets` the oldest unredeemed ticket is dropped.
 */
export class TicketStore {
  /** Insertion order is expiry order (one TTL for all), so the first entries expire first. */
  readonly #tickets = new Map<string, { identity: VerifiedIdentity; expiresAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxTickets = 100_000,
  ) {}

  issue(identity: VerifiedIdentity): { ticket: string; expiresIn: number } {
    this.#sweep();
    if (this.#tickets.size >= this.maxTickets) {
      const oldest = this.#tickets.keys().next().value;
      if (oldest !== undefined) this.#tickets.delete(oldest);
    }
    const ticket = randomBytes(32).toString('base64url');
    // A ticket never outlives the token it stands for.
    const expiresAt = Math.min(this.now() + TICKET_TTL_SECONDS * 1000, identity.expiresAt * 1000);
    this.#tickets.set(ticket, { identity, expiresAt });
    return { ticket, expiresIn: Math.max(0, Math.floor((expiresAt - this.now()) / 1000)) };
  }

  /** The identity the ticket was issued to, once; null when unknown, used or expired. */
  redeem(ticket: string): VerifiedIdentity | null {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    return entry && entry.expiresAt > this.now() ? entry.identity : null;
  }

  #sweep(): void {
    const now = this.now();
    for (const [ticket, { expiresAt }] of this.#tickets) {
      if (expiresAt > now) break;
      this.#tickets.delete(ticket);
    }
  }
}
