import { type EventTickets, newEventTicket, type VerifiedIdentity } from '@cruddur/core';

export interface InMemoryEventTicketsOptions {
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Unredeemed tickets kept at most; past it the oldest is dropped (its stream must ask again). */
  readonly maxTickets?: number;
}

/**
 * Event tickets in this process's memory: a ticket opens a stream only on the host that issued
 * it, so this suits one host (memory mode, tests). `redeem` runs without awaiting, so it is
 * atomic. Entries stay in issue order; expired ones are dropped from the front as tickets are
 * issued, which keeps the map about one lifetime's worth of tickets long.
 */
export class InMemoryEventTickets implements EventTickets {
  readonly #tickets = new Map<string, { holder: VerifiedIdentity; expiresAt: number }>();
  readonly #now: () => number;
  readonly #maxTickets: number;

  constructor({ now = Date.now, maxTickets = 100_000 }: InMemoryEventTicketsOptions = {}) {
    this.#now = now;
    this.#maxTickets = maxTickets;
  }

  async issue(holder: VerifiedIdentity, ttlMs: number): Promise<string> {
    this.#dropExpired();
    if (this.#tickets.size >= this.#maxTickets) {
      const oldest = this.#tickets.keys().next().value;
      if (oldest !== undefined) this.#tickets.delete(oldest);
    }
    const ticket = newEventTicket();
    this.#tickets.set(ticket, { holder: { ...holder }, expiresAt: this.#now() + ttlMs });
    return ticket;
  }

  async redeem(ticket: string): Promise<VerifiedIdentity | null> {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    return entry && entry.expiresAt > this.#now() ? entry.holder : null;
  }

  /** Stops at the first live ticket: lifetimes are nearly all the same, so issue order is about expiry order. */
  #dropExpired(): void {
    const now = this.#now();
    for (const [ticket, { expiresAt }] of this.#tickets) {
      if (expiresAt > now) return;
      this.#tickets.delete(ticket);
    }
  }
}
