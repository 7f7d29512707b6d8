import { type EventTickets, eventTicketDigest, newEventTicket, type VerifiedIdentity } from '@cruddur/core';
import { translateUnavailable } from './pg-errors.js';
import type { PgQueryable } from './pg-pool.js';

export interface PgEventTicketsOptions {
  /** At most one sweep of expired rows per this many milliseconds, run by `issue` (default 60 s). */
  readonly purgeEveryMs?: number;
}

interface TicketRow {
  readonly sub: string;
  readonly username: string | null;
  /** `bigint`: node-postgres returns it as a string. */
  readonly token_expires_at: string | number;
}

/**
 * `EventTickets` in the `event_tickets` table (migration 3) of the database the users live in,
 * so every host behind a load balancer redeems what any of them issued. Rows are keyed by the
 * ticket's SHA-256 (`eventTicketDigest`), never the ticket: a reader of the table or a backup
 * cannot open a stream. Expiry uses the database's clock on both sides, so hosts whose clocks
 * disagree still agree on it.
 */
export class PgEventTickets implements EventTickets {
  readonly #purgeEveryMs: number;
  #nextPurge = 0;

  constructor(
    private readonly pool: PgQueryable,
    { purgeEveryMs = 60_000 }: PgEventTicketsOptions = {},
  ) {
    this.#purgeEveryMs = purgeEveryMs;
  }

  async issue(holder: VerifiedIdentity, ttlMs: number): Promise<string> {
    const ticket = newEventTicket();
    try {
      await this.#purgeWhenDue();
      await this.pool.query(
        `insert into event_tickets (ticket_digest, sub, username, token_expires_at, expires_at)
         values ($1, $2, $3, $4, now() + $5::interval)`,
        [eventTicketDigest(ticket), holder.sub, holder.username, holder.expiresAt, `${Math.max(0, Math.round(ttlMs))} milliseconds`],
      );
    } catch (error) {
      throw translateUnavailable(error);
    }
    return ticket;
  }

  async redeem(ticket: string): Promise<VerifiedIdentity | null> {
    try {
      // One statement: the row lock makes concurrent redeems on any host wait, and all but the
      // first then find the row gone. An expired row is left for the purge.
      const { rows } = await this.pool.query<TicketRow>(
        `delete from event_tickets where ticket_digest = $1 and expires_at > now()
         returning sub, username, token_expires_at`,
        [eventTicketDigest(ticket)],
      );
      const row = rows[0];
      return row === undefined ? null : { sub: row.sub, username: row.username, expiresAt: Number(row.token_expires_at) };
    } catch (error) {
      throw translateUnavailable(error);
    }
  }

  /** Expired rows, through the `expires_at` index: the table holds about one minute of tickets. */
  async #purgeWhenDue(): Promise<void> {
    if (Date.now() < this.#nextPurge) return;
    this.#nextPurge = Date.now() + this.#purgeEveryMs;
    await this.pool.query('delete from event_tickets where expires_at <= now()');
  }
}
