import type { VerifiedIdentity } from './token-verifier.js';

/**
 * Single-use stand-ins for an access token, for clients that cannot send headers (a browser's
 * EventSource). Kept where every host sees them, so a ticket one host issued opens a stream on
 * any other: once, and never after it expires.
 */
export interface EventTickets {
  /** A fresh ticket (`newEventTicket()`) standing for `holder`, redeemable for `ttlMs`. */
  issue(holder: VerifiedIdentity, ttlMs: number): Promise<string>;
  /**
   * The holder, the first time; null when the ticket is unknown, already redeemed or expired.
   * One atomic step: of concurrent redeems of a ticket, on any host, exactly one gets the holder.
   */
  redeem(ticket: string): Promise<VerifiedIdentity | null>;
}
