import { type DynamoEngine, startDynalite } from '@cruddur/engines';
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

  it('lists a warm inbox in 2 parallel calls, plus 1 count per conversation with unread messages', async () => {
    const me = await world.aUser();
    const [bo, cy, dee] = [await world.aUser(), await world.aUser(), await world.aUser()];
    await world.start(me, bo);
    await world.start(cy, me);
    await world.start(dee, me);
    await world.inbox(me);
    await world.drain();
    world.calls.reset();
    expect(await world.inbox(me)).toEqual([
      [1, null],
      [1, null],
      [0, expect.any(String)],
    ]);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 + 2 });
    const { groupUuid } = await world.start(dee, me);
    expect(await world.markRead.execute({ callerSub: world.sub(me), groupUuid })).toMatchObject({ unreadCount: 0 });
    await world.drain();
    world.calls.reset();
    await world.inbox(me);
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 2 + 1 });
  });

  it('marks read in 2 calls, answers a repeat in at most 3, and a reply costs one call more than before', async () => {
    const [me, bo] = [await world.aUser(), await world.aUser()];
    const { groupUuid } = await world.start(bo, me, 'one');
    await world.reply(bo, groupUuid, 'two');
    await world.drain();
    world.calls.reset();
    expect(await world.markRead.execute({ callerSub: world.sub(me), groupUuid })).toMatchObject({ unreadCount: 0 });
    expect(world.calls.byCommand()).toEqual({ QueryCommand: 1, UpdateItemCommand: 1 });
    world.calls.reset();
    await world.markRead.execute({ callerSub: world.sub(me), groupUuid });
    // dynalite returns no item with a failed check: one consistent read more (DynamoDB Local: 2).
    expect(world.calls.total()).toBeLessThanOrEqual(3);
    world.calls.reset();
    await world.reply(me, groupUuid, 'three');
    // On the request path: the send path's message row, group marker and two inbox rows (3
    // round trips), then the sender's own read marker (UpdateItem): 5 calls, 4 round trips.
    expect(world.calls.byCommand()).toEqual({ PutItemCommand: 3, UpdateItemCommand: 2 });
    // Then the send path's background sweep of replaced inbox rows: 7 calls in all.
    await world.drain();
    expect(world.calls.byCommand()).toEqual({
      PutItemCommand: 3,
      UpdateItemCommand: 2,
      QueryCommand: 1,
      BatchWriteItemCommand: 1,
    });
  });

  // Writes of a keyed reply: 1 receipt, 2 message row, 3 group marker, 4–5 inbox rows, 6 the
  // sender's read marker, 7 the background sweep's delete.
  it.each([1, 2, 3, 4, 5, 6, 7])('keeps unread counts exact when a reply dies after write %i', async (step) => {
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
