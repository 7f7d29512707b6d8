import { InvalidReadMarkerError, MessageGroupNotFoundError, type ReadMarkerMoved } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld, tick } from './world.js';

const inboxOf = async (world: ReturnType<typeof aWorld>, sub: string) =>
  (await world.listMessageGroups.execute({ callerSub: sub })).items.map((e) => [e.unreadCount, e.lastReadAt]);

describe('MarkRead and unread counts', () => {
  it("counts the other member's messages until the reader marks them read", async () => {
    const world = aWorld();
    const [me, bo] = [await world.aUser('me'), await world.aUser('bo')];
    const first = await world.start(me, 'bo', 'hi bo');
    // Sending moves the sender's own marker to their message.
    expect(await inboxOf(world, 'sub-me')).toEqual([[0, tick(0)]]);
    expect(await inboxOf(world, 'sub-bo')).toEqual([[1, null]]);
    await world.reply(me, first.groupUuid, 'are you there?');
    expect(await inboxOf(world, 'sub-bo')).toEqual([[2, null]]);
    expect(await world.markRead.execute({ callerSub: 'sub-bo', groupUuid: first.groupUuid, upTo: tick(0) })).toEqual({
      groupUuid: first.groupUuid,
      lastReadAt: tick(0),
      unreadCount: 1,
    });
    expect(await world.markRead.execute({ callerSub: 'sub-bo', groupUuid: first.groupUuid })).toEqual({
      groupUuid: first.groupUuid,
      lastReadAt: tick(1),
      unreadCount: 0,
    });
    expect(await inboxOf(world, 'sub-bo')).toEqual([[0, tick(1)]]);
    await world.reply(bo, first.groupUuid, 'yes');
    expect(await inboxOf(world, 'sub-me')).toEqual([[1, tick(1)]]);
  });

  it('only moves forward, never past the latest message, and repeats change nothing', async () => {
    const world = aWorld();
    const [, bo] = [await world.aUser('me'), await world.aUser('bo')];
    const sent = await world.start(bo, 'me', 'one');
    const heard: ReadMarkerMoved[] = [];
    const me = await world.users.findBySub('sub-me');
    world.events.subscribe(me?.uuid ?? '', { message: () => {}, read: (r) => void heard.push(r), lost: () => {} });
    const future = '2030-01-01T00:00:00Z';
    const once = await world.markRead.execute({ callerSub: 'sub-me', groupUuid: sent.groupUuid, upTo: future });
    expect(once.lastReadAt).toBe(sent.createdAt);
    const again = await world.markRead.execute({ callerSub: 'sub-me', groupUuid: sent.groupUuid });
    const back = await world.markRead.execute({ callerSub: 'sub-me', groupUuid: sent.groupUuid, upTo: tick(-1 + 1) });
    expect([again, back]).toEqual([once, once]);
    expect(heard).toEqual([{ groupUuid: sent.groupUuid, reader: { uuid: me?.uuid, handle: 'me' }, lastReadAt: sent.createdAt }]);
  });

  it('answers a non-member and an unknown group with the same not-found, and refuses a bad time', async () => {
    const world = aWorld();
    await world.aUser('me');
    await world.aUser('bo');
    const eve = await world.aUser('eve');
    const sent = await world.start(eve, 'bo', 'private');
    for (const groupUuid of [sent.groupUuid, '00000000-0000-4000-8000-000000000000']) {
      await expect(world.markRead.execute({ callerSub: 'sub-me', groupUuid })).rejects.toThrow(MessageGroupNotFoundError);
    }
    await expect(
      world.markRead.execute({ callerSub: 'sub-bo', groupUuid: sent.groupUuid, upTo: 'yesterday' }),
    ).rejects.toThrow(InvalidReadMarkerError);
  });
});
