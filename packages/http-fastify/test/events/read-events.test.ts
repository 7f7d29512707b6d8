import type { User } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningApp, listeningApp } from './support/listening-app.js';

describe('read events on a listening host', () => {
  let t: ListeningApp;
  let ada: User;
  let bo: User;
  let eve: User;

  beforeAll(async () => {
    t = await listeningApp({ eventStream: { heartbeatMs: 50 } });
    [ada, bo, eve] = [await t.aUser('ada'), await t.aUser('bo'), await t.aUser('eve')];
  });
  afterAll(() => t.close());

  it("tells both members, and no one else, when a member moves their marker; a repeat tells no one", async () => {
    const sent = await t.send(ada, bo, 'read me');
    const group = String(sent.message_group_uuid);
    const streams = [await t.stream(ada), await t.stream(bo), await t.stream(eve)];
    const first = await t.post(`/api/message_groups/${group}/read`, { as: bo });
    expect(first.statusCode).toBe(200);
    await t.post(`/api/message_groups/${group}/read`, { as: bo });
    // A later message to everyone's stream: once it is there, any stray read event had its chance.
    const marker = await t.send(eve, ada, 'after');
    const [adaStream, boStream, eveStream] = streams;
    const expected = { message_group_uuid: group, handle: 'bo', last_read_at: sent.created_at };
    for (const [stream, count] of [
      [adaStream, 2],
      [boStream, 1],
    ] as const) {
      const events = await stream?.next(count);
      expect(events?.filter((e) => e.event === 'read').map((e) => [e.id, JSON.parse(e.data)])).toEqual([
        [undefined, expected],
      ]);
    }
    expect(adaStream?.messages()).toEqual([marker]);
    await eveStream?.next(1);
    expect(eveStream?.events.map((e) => e.event)).toEqual(['message']);
    for (const stream of streams) stream.close();
  });
});
