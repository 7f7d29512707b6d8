import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningApp, listeningApp } from './support/listening-app.js';
import { openEventStream } from '@cruddur/engines';

describe('event stream tickets (for EventSource, which cannot send headers)', () => {
  const logLines: string[] = [];
  let t: ListeningApp;
  let ada: User;
  let bo: User;

  beforeAll(async () => {
    t = await listeningApp({ logTo: (line) => void logLines.push(line) });
    [ada, bo] = await Promise.all([t.aUser('ada'), t.aUser('bo')]);
  });
  afterAll(() => t.close());

  const aTicket = async (user: User): Promise<{ ticket: string; expires_in: number }> => {
    const response = await t.post('/api/events/ticket', { as: user });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('opens a stream once, and never again', async () => {
    const { ticket, expires_in } = await aTicket(bo);
    expect(expires_in).toBe(60);
    const first = await openEventStream(`${t.url}/api/events?ticket=${ticket}`);
    expect(first.status).toBe(200);
    const sent = await t.send(ada, bo, 'via a ticket');
    await first.next(1);
    expect(first.messages()).toEqual([sent]);
    first.close();

    const again = await openEventStream(`${t.url}/api/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(JSON.parse(await again.body())).toMatchObject({ code: 'invalid_ticket' });
  });

  it('refuses a ticket nobody issued, and issues none without a token', async () => {
    const made_up = await openEventStream(`${t.url}/api/events?ticket=${'A'.repeat(43)}`);
    expect(made_up.status).toBe(401);
    expect((await t.post('/api/events/ticket')).statusCode).toBe(401);
  });

  it('keeps tickets out of the logs', async () => {
    const { ticket } = await aTicket(ada);
    const stream = await openEventStream(`${t.url}/api/events?ticket=${ticket}&last_event_id=1-x`);
    stream.close();
    await new Promise((r) => setTimeout(r, 50));
    const logged = logLines.join('\n');
    expect(logged).toContain('ticket=[redacted]');
    expect(logged).not.toContain(ticket);
  });
});
