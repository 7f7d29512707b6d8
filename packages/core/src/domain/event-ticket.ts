import { createHash, randomBytes } from 'node:crypto';

/** How long `POST /api/events/ticket` makes a ticket valid (less if the token expires sooner). */
export const EVENT_TICKET_TTL_SECONDS = 60;

/** 256 random bits: a ticket opens a stream as its holder, so it must be as unguessable as a token. */
const TICKET_BYTES = 32;

/** A new ticket: 43 base64url characters from the system's CSPRNG. */
export const newEventTicket = (): string => randomBytes(TICKET_BYTES).toString('base64url');

/**
 * What a store keys a ticket by when others can read it (a database): SHA-256 of the ticket.
 * The ticket is 256 random bits, so no salt or slow hash is needed; a reader of the digests
 * cannot find a ticket that opens a stream.
 */
export const eventTicketDigest = (ticket: string): string => createHash('sha256').update(ticket).digest('base64url');
