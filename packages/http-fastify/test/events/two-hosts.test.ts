import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SharedEngines, startSharedEngines } from './support/shared-engines.js';
import { openEventStream } from '@cruddur/engines';

type Sent = Record<string, unknown> & { uuid: string };

// 50+ sequential sends through two hosts: generous limits so a loaded machine only slows it.
describe('two hosts sharing one PostgreSQL and one dynalite', { timeout: 120_000 }, () => {
  let engines: SharedEngines;
  let hostA: string;
  let hostB: string;
  let ada: User;
  let bo: User;
  let eve: User;
  let fin: User;

  beforeAll(async () => {
    engines = await startSharedEngines();
    hostA = (await engines.startHost()).url;
    hostB = (await engines.startHost()).url;
    ada = await engines.aUser('ada');
    bo = await engines.aUser('bo');
    eve = await engines.aUser('eve');
    fin = await engines.aUser('fin');
  });
  afterAll(() => engines?.close());

  const send = async (host: string, from: User, to: User, message: string): Promise<Sent> => {
    const response = await fetch(`${host}/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${engines.tokenFor(from)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ handle: to.handle, message }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Sent;
  };
  const streamOf = (host: string, user: User, headers: Record<string, string> = {}) =>
    openEventStream(`${host}/api/events`, { authorization: `Bearer ${engines.tokenFor(user)}`, ...headers });

  it("delivers a send on host A to the other member's stream on host B", async () => {
    const onB = await streamOf(hostB, bo);
    expect(onB.status).toBe(200);
    const sent = await send(hostA, ada, bo, 'from A to B');
    await onB.next(1);
    expect(onB.messages()).toEqual([sent]);
    onB.close();
  });

  it('gives a client that reconnects to the other host exactly the 50 messages it missed, in order, then live ones', async () => {
    const onA = await streamOf(hostA, bo);
    const before = await send(hostA, ada, bo, 'before the gap');
    const [seen] = await onA.next(1);
    expect(JSON.parse(seen?.data ?? '')).toEqual(before);
    onA.close();

    // Missed while away: from two senders, so from two groups.
    const missed: Sent[] = [];
    for (let i = 0; i < 50; i += 1) missed.push(await send(hostA, i % 2 ? fin : ada, bo, `missed ${i}`));

    const onB = await streamOf(hostB, bo, { 'last-event-id': seen?.id ?? '' });
    await onB.next(50, 60_000);
    expect(onB.messages<Sent>().map((m) => m.uuid)).toEqual(missed.map((m) => m.uuid));
    const live = await send(hostA, fin, bo, 'live again');
    await onB.next(51);
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up
    expect(onB.messages<Sent>().map((m) => m.uuid)).toEqual([...missed, live].map((m) => m.uuid));
    onB.close();
  });

  it('tells the other member on host B when a member reads on host A', async () => {
    const sent = await send(hostA, ada, bo, 'read me on the other host');
    const onB = await streamOf(hostB, ada);
    const read = await fetch(`${hostA}/api/message_groups/${sent.message_group_uuid}/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${engines.tokenFor(bo)}` },
    });
    expect(read.status).toBe(200);
    // The send's own message event may still reach the stream opened just after it (NOTIFY is
    // asynchronous); the read event is what this test is about, whichever comes first.
    let events = await onB.next(1);
    while (!events.some((e) => e.event === 'read')) events = await onB.next(events.length + 1);
    const others = events.filter((e) => e.event !== 'read').map((e) => JSON.parse(e.data));
    expect(others).toEqual(events.length > 1 ? [sent] : []);
    const event = events.find((e) => e.event === 'read');
    expect(JSON.parse(event?.data ?? '')).toEqual({
      message_group_uuid: sent.message_group_uuid,
      handle: bo.handle,
      last_read_at: sent.created_at,
    });
    onB.close();
  });

  const ticketFrom = async (host: string, user: User, token = engines.tokenFor(user)) => {
    const issued = await fetch(`${host}/api/events/ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(issued.status).toBe(200);
    return (await issued.json()) as { ticket: string; expires_in: number };
  };
  const refusal = async (host: string, ticket: string) => {
    const stream = await openEventStream(`${host}/api/events?ticket=${ticket}`);
    return [stream.status, JSON.parse(await stream.body()).code];
  };

  it('opens a stream on host B with a ticket from host A, once; a second use on either host is refused', async () => {
    const { ticket, expires_in } = await ticketFrom(hostA, eve);
    expect(expires_in).toBe(60);
    const onB = await openEventStream(`${hostB}/api/events?ticket=${ticket}`);
    expect(onB.status).toBe(200);
    const sent = await send(hostA, fin, eve, 'through a ticket from the other host');
    await onB.next(1);
    expect(onB.messages()).toEqual([sent]);
    onB.close();
    for (const host of [hostA, hostB]) expect(await refusal(host, ticket)).toEqual([401, 'invalid_ticket']);
  });

  it('refuses an expired ticket on every host (a ticket never outlives its token)', async () => {
    // A token with 2 s left gets a ticket that expires with it, instead of waiting out 60 s.
    const token = engines.issuer.issueAccessToken({ sub: `sub-${eve.handle}`, username: eve.handle }, { expiresInSeconds: 2 });
    const [fresh, { ticket, expires_in }] = [await ticketFrom(hostA, eve, token.accessToken), await ticketFrom(hostA, eve, token.accessToken)];
    expect(expires_in).toBeLessThanOrEqual(2);
    const inTime = await openEventStream(`${hostB}/api/events?ticket=${fresh.ticket}`);
    expect(inTime.status).toBe(200); // the same kind of ticket, used before its time is up
    inTime.close();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await refusal(hostB, ticket)).toEqual([401, 'invalid_ticket']);
    expect(await refusal(hostA, ticket)).toEqual([401, 'invalid_ticket']);
  });

  it("never carries another pair's message to an outsider's stream", async () => {
    const outsider = await streamOf(hostB, eve);
    await send(hostA, ada, bo, 'not for eve');
    await send(hostB, bo, ada, 'not for eve either');
    const marker = await send(hostA, fin, eve, 'for eve');
    await outsider.next(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(outsider.messages()).toEqual([marker]);
    outsider.close();
  });
});
