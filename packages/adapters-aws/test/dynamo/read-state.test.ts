import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { SETTLE_WINDOW_MS } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InjectedCrash } from './client-hooks.js';
import { readStateWorld } from './read-state-world.js';

/**
 * Read state through the use cases, as the host runs them: DynamoDB calls per operation, and
 * unread counts after a reply killed after each of its writes and then retried.
 */
describe('read state on DynamoDB (dynalite)', () => {
  let engine: DynamoEngine;
  let world: Awaited<ReturnType<typeof readStateWorld>>;
  beforeAll(async () => {
    engine = await startDynalite();
    world = await readStateWorld(engine.endpoint);
  });
  afterAll(() => engine.stop());

  it('lists a warm inbox in 2 parallel calls: entries the caller sent last, or settled and counted once, cost nothing', async () => {
    const me = await world.aUser();
    const [bo, cy, dee] = [await world.aUser(), await world.aUser(), await world.aUser()];
    await world.start(me, bo);
    await world.start(cy, me);
    await world.start(dee, me);
    await world.inbox(me);
    await world.drain();
    world.calls.reset();
    // Fresh entries the other member sent last: one read of the messages after the marker each.
    expect(await world.inbox(me)).toEqual([
      [1, null],
      [1, null],
      [0, expect.any(String)],
    ]);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 + 2 });
    expect(world.calls.sequentialRoundTrips()).toBe(2);
    // Past the settle window the counts are remembered: a warm inbox is the page and the markers.
    world.inboxClock.aheadMs = SETTLE_WINDOW_MS + 1_000;
    await world.inbox(me);
    world.calls.reset();
    expect(await world.inbox(me)).toEqual([
      [1, null],
      [1, null],
      [0, expect.any(String)],
    ]);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 });
    expect(world.calls.sequentialRoundTrips()).toBe(1);
    // A new message is a new key: counted once (fresh, so every time until it settles).
    const { groupUuid } = await world.start(dee, me);
    await world.drain();
    world.calls.reset();
    expect(await world.inbox(me)).toEqual([
      [2, null],
      [1, null],
      [0, expect.any(String)],
    ]);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 + 1 });
    // Read up to the latest: the marker covers the entry, nothing to count.
    expect(await world.markRead.execute({ callerSub: world.sub(me), groupUuid })).toMatchObject({ unreadCount: 0 });
    world.calls.reset();
    await world.inbox(me);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 });
    world.inboxClock.aheadMs = 0;
  });

  it('marks read in 3 calls (marker, messages after it, forward-only write), a repeat in 2', async () => {
    const [me, bo] = [await world.aUser(), await world.aUser()];
    const { groupUuid } = await world.start(bo, me, 'one');
    const second = await world.reply(bo, groupUuid, 'two');
    await world.drain();
    await world.markRead.execute({ callerSub: world.sub(me), groupUuid, upTo: '2000-01-01T00:00:00Z' }); // membership cached
    world.calls.reset();
    expect(await world.markRead.execute({ callerSub: world.sub(me), groupUuid })).toEqual({
      groupUuid,
      lastReadAt: second.createdAt,
      unreadCount: 0,
    });
    expect(world.calls.byCommand()).toEqual({ GetItemCommand: 1, QueryCommand: 1, UpdateItemCommand: 1 });
    expect(world.calls.sequentialRoundTrips()).toBe(3);
    world.calls.reset();
    await world.markRead.execute({ callerSub: world.sub(me), groupUuid });
    expect(world.calls.byCommand()).toEqual({ GetItemCommand: 1, QueryCommand: 1 });
  });

  it('replies in 6 calls, 3 sequential round trips before the answer, and writes no read marker', async () => {
    const [me, bo] = [await world.aUser(), await world.aUser()];
    const { groupUuid } = await world.start(bo, me, 'one');
    await world.reply(me, groupUuid, 'two');
    await world.drain();
    world.calls.reset();
    const sent = await world.reply(me, groupUuid, 'three');
    // On the request path: message row, group marker, then both inbox rows at once.
    expect(world.calls.byCommand()).toEqual({ PutItemCommand: 3, UpdateItemCommand: 1 });
    expect(world.calls.sequentialRoundTrips()).toBe(3);
    // Then the send path's background sweep of replaced inbox rows (GSI query, batch delete).
    await world.drain();
    expect(world.calls.byCommand()).toEqual({ PutItemCommand: 3, UpdateItemCommand: 1, QueryCommand: 1, BatchWriteItemCommand: 1 });
    expect(world.calls.total()).toBeLessThanOrEqual(6);
    // Sending is reading: the sender is caught up without any marker written.
    expect(await world.inbox(me)).toEqual([[0, sent.createdAt]]);
    expect(await world.inbox(bo)).toEqual([[2, expect.any(String)]]);
  });

  // Writes of a keyed reply: 1 receipt, 2 message row, 3 group marker, 4–5 inbox rows, 6 the
  // background sweep's delete (a send writes no read marker).
  it.each([1, 2, 3, 4, 5, 6])('keeps unread counts exact when a reply dies after write %i', async (step) => {
    const [me, bo] = [await world.aUser(), await world.aUser()];
    const { groupUuid } = await world.start(me, bo, 'first');
    await world.drain();
    const key = `crash-${step}-${bo.handle}`;
    // The host dies right after the write; the client retries on another host, as after a
    // dropped connection (the retry of a send that had answered changes nothing).
    const dying = world.crashingHost();
    dying.crash.afterWrite(step);
    await dying.reply(bo, groupUuid, 'second', key).catch((error: unknown) => {
      if (!(error instanceof InjectedCrash)) throw error;
    });
    const sent = await world.reply(bo, groupUuid, 'second', key);
    await world.drain();
    expect(await world.inbox(me)).toEqual([[1, expect.any(String)]]);
    expect(await world.inbox(bo)).toEqual([[0, sent.createdAt]]);
    await world.markRead.execute({ callerSub: world.sub(me), groupUuid });
    expect(await world.inbox(me)).toEqual([[0, sent.createdAt]]);
  });
});
