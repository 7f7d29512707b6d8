import { runEventTicketsContract } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryEventTickets } from '../src/index.js';

runEventTicketsContract('memory', async () => {
  const tickets = new InMemoryEventTickets();
  return { tickets, peer: tickets };
});

const holder = { sub: 'sub-ada', username: 'ada', expiresAt: 2_000_000_000 };

describe('InMemoryEventTickets bounds', () => {
  it('keeps at most maxTickets unredeemed tickets, dropping the oldest first', async () => {
    const tickets = new InMemoryEventTickets({ maxTickets: 3 });
    const issued = [];
    for (let i = 0; i < 5; i += 1) issued.push(await tickets.issue(holder, 60_000));
    const redeemed = await Promise.all(issued.map((ticket) => tickets.redeem(ticket)));
    expect(redeemed.map((r) => r !== null)).toEqual([false, false, true, true, true]);
  });
});
