import { CallerNotRegisteredError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld, generated, tick } from './world.js';

describe('CreateMessage, create mode (by handle)', () => {
  it('starts a conversation and returns the stored message with its group', async () => {
    const world = aWorld();
    const [ann, bo] = [await world.aUser('ann', 'Ann'), await world.aUser('bo', 'Bo')];
    const message = await world.start(ann, 'bo', '  hello Bo  ');
    expect(message).toEqual({
      uuid: generated(2),
      groupUuid: generated(1),
      sender: { uuid: ann.uuid, handle: 'ann', displayName: 'Ann' },
      text: 'hello Bo',
      createdAt: tick(0),
    });
    const inbox = await world.listMessageGroups.execute({ callerSub: 'sub-bo' });
    expect(inbox.items).toEqual([
      {
        groupUuid: generated(1),
        otherUser: { uuid: ann.uuid, handle: 'ann', displayName: 'Ann' },
        lastMessage: 'hello Bo',
        lastMessageAt: tick(0),
        lastSenderUuid: ann.uuid,
        lastReadAt: null,
        unreadCount: 1,
      },
    ]);
    expect((await world.listMessageGroups.execute({ callerSub: 'sub-ann' })).items[0]?.otherUser).toEqual({
      uuid: bo.uuid,
      handle: 'bo',
      displayName: 'Bo',
    });
  });

  it('appends to the conversation the caller already has with that handle', async () => {
    const world = aWorld();
    const [ann, bo] = [await world.aUser('ann'), await world.aUser('bo')];
    const first = await world.start(ann, 'bo', 'one');
    const second = await world.start(ann, 'bo', 'two');
    const fromBo = await world.start(bo, 'ann', 'three');
    expect(new Set([first.groupUuid, second.groupUuid, fromBo.groupUuid]).size).toBe(1);
    const thread = await world.listMessages.execute({ callerSub: 'sub-ann', groupUuid: first.groupUuid });
    expect(thread.items.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect(await world.storedFor(ann)).toEqual([{ groupUuid: first.groupUuid, lastMessage: 'three' }]);
  });

  it('keeps one conversation per pair when both start it at the same moment', async () => {
    const world = aWorld();
    const [ann, bo] = [await world.aUser('ann'), await world.aUser('bo')];
    const sent = await Promise.all([world.start(ann, 'bo', 'hi'), world.start(bo, 'ann', 'hey')]);
    expect(sent[0].groupUuid).toBe(sent[1].groupUuid);
    expect(await world.storedFor(ann)).toHaveLength(1);
  });

  it('refuses a caller whose token subject has no user, writing nothing', async () => {
    const world = aWorld();
    const bo = await world.aUser('bo');
    await expect(
      world.createMessage.execute({ mode: 'create', callerSub: 'sub-ghost', handle: 'bo', message: 'hi' }),
    ).rejects.toThrow(CallerNotRegisteredError);
    expect(await world.storedFor(bo)).toEqual([]);
  });
});
