import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEventTicket } from '../domain/event-ticket.js';
import type { EventTickets } from '../ports/event-tickets.js';
import type { VerifiedIdentity } from '../ports/token-verifier.js';

export interface EventTicketsHarness {
  /** The store as one host sees it. */
  readonly tickets: EventTickets;
  /** The same store seen from a second host (the same instance for a one-process adapter). */
  readonly peer: EventTickets;
  close?(): Promise<void>;
}

export interface EventTicketsContractOptions {
  /** Redeems of one ticket in flight at once, half on each host. */
  readonly parallelRedeems?: number;
}

const aHolder = (overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity => ({
  sub: randomUUID(),
  username: `user-${randomUUID().slice(0, 8)}`,
  expiresAt: Math.floor(Date.now() / 1000) + 3_600,
  ...overrides,
});
const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run by every `EventTickets` adapter: `runEventTicketsContract('memory', async () => ...)`. */
export function runEventTicketsContract(
  name: string,
  setup: () => Promise<EventTicketsHarness>,
  { parallelRedeems = 20 }: EventTicketsContractOptions = {},
): void {
  describe(`EventTickets contract: ${name}`, () => {
    let h: EventTicketsHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(() => h.close?.());

    it('redeems a ticket once, giving back its holder exactly', async () => {
      const holder = aHolder();
      const ticket = await h.tickets.issue(holder, MINUTE);
      expect(await h.tickets.redeem(ticket)).toEqual(holder);
      expect(await h.tickets.redeem(ticket)).toBeNull();
    });

    it('keeps a holder without a username', async () => {
      const holder = aHolder({ username: null });
      expect(await h.tickets.redeem(await h.tickets.issue(holder, MINUTE))).toEqual(holder);
    });

    it('redeems on the other host a ticket this host issued, and then on neither', async () => {
      const holder = aHolder();
      const ticket = await h.tickets.issue(holder, MINUTE);
      expect(await h.peer.redeem(ticket)).toEqual(holder);
      expect(await h.tickets.redeem(ticket)).toBeNull();
      expect(await h.peer.redeem(ticket)).toBeNull();
    });

    it('keeps the tickets of different holders apart', async () => {
      const [ada, bo] = [aHolder(), aHolder()];
      const [forAda, forBo] = [await h.tickets.issue(ada, MINUTE), await h.peer.issue(bo, MINUTE)];
      expect(await h.peer.redeem(forBo)).toEqual(bo);
      expect(await h.tickets.redeem(forAda)).toEqual(ada);
    });

    it('refuses tickets nobody issued, without using up a real one', async () => {
      const ticket = await h.tickets.issue(aHolder(), MINUTE);
      const last = ticket.at(-1) === 'A' ? 'B' : 'A';
      const forged = [newEventTicket(), `${ticket.slice(0, -1)}${last}`, ticket.toUpperCase(), 'A'.repeat(43), 'x'];
      for (const guess of [...forged, 'a'.repeat(128), "'; delete from event_tickets; --", '🎟️', '%00']) {
        if (guess === ticket) continue;
        expect(await h.peer.redeem(guess)).toBeNull();
      }
      expect(await h.peer.redeem(ticket)).not.toBeNull();
    });

    it('refuses a ticket once its time is up, on either host', async () => {
      const [first, second] = [await h.tickets.issue(aHolder(), 150), await h.tickets.issue(aHolder(), 150)];
      await sleep(400);
      expect(await h.tickets.redeem(first)).toBeNull();
      expect(await h.peer.redeem(second)).toBeNull();
    });

    it(`gives a ticket to exactly one of ${parallelRedeems} concurrent redeems, half on each host`, async () => {
      const holder = aHolder();
      const ticket = await h.tickets.issue(holder, MINUTE);
      const redeems = Array.from({ length: parallelRedeems }, (_, i) => (i % 2 ? h.peer : h.tickets).redeem(ticket));
      const won = (await Promise.all(redeems)).filter((result) => result !== null);
      expect(won).toEqual([holder]);
    });

    it('issues unguessable tickets: at least 128 bits of base64url, never alike, each for its holder', async () => {
      const holders = Array.from({ length: 100 }, () => aHolder());
      const tickets = await Promise.all(holders.map((holder, i) => (i % 2 ? h.peer : h.tickets).issue(holder, MINUTE)));
      for (const ticket of tickets) {
        expect(ticket).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(ticket, 'base64url').length).toBeGreaterThanOrEqual(16);
      }
      // No shared prefixes: a counter or a clock would show in the first characters.
      expect(new Set(tickets.map((ticket) => ticket.slice(0, 8))).size).toBe(tickets.length);
      const redeemed = await Promise.all(tickets.map((ticket) => h.tickets.redeem(ticket)));
      expect(redeemed).toEqual(holders);
    });
  });
}
