import { EVENT_TICKET_TTL_SECONDS, type EventTickets, type VerifiedIdentity } from '@cruddur/core';

/**
 * A ticket for `holder`'s access token, valid for 60 s, or until the token expires if that is
 * sooner: a ticket never outlives the token it stands for. `expiresIn` is whole seconds.
 */
export async function issueTicket(
  tickets: EventTickets,
  holder: VerifiedIdentity,
  now: number = Date.now(),
): Promise<{ ticket: string; expiresIn: number }> {
  const ttlMs = Math.max(0, Math.min(EVENT_TICKET_TTL_SECONDS * 1000, holder.expiresAt * 1000 - now));
  return { ticket: await tickets.issue(holder, ttlMs), expiresIn: Math.floor(ttlMs / 1000) };
}
