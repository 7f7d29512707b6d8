import { CallerNotRegisteredError, MessageGroupNotFoundError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld, generated, tick } from './world.js';

describe('CreateMessage, update mode (into a group)', () => {
  const setup = async () => {
    const world = aWorld();
    const [ann, bo, cy] = [
      await world.aUser('ann', 'Ann'),
      await world.aUser('bo', 'Bo'),
      await world.aUser('cy'),
    ];
    const opening = await world.start(ann, 'bo', 'hi Bo');
    return { world, ann, bo, cy, groupUuid: opening.groupUuid };
  };

  it('returns the new message: its uuid is the message uuid, not the sender user uuid', async () => {
    const { world, bo, groupUuid } = await setup();
    const reply = await world.reply(bo, groupUuid, 'hi Ann');
    expect(reply).toEqual({
      uuid: generated(3),
      groupUuid,
      sender: { uuid: bo.uuid, handle: 'bo', displayName: 'Bo' },
      text: 'hi Ann',
      createdAt: tick(1),
    });
  });

  it("moves both members' inbox rows to the reply", async () => {
    const { world, ann, bo, groupUuid } = await setup();
    await world.reply(bo, groupUuid, 'hi Ann');
    for (const user of [ann, bo]) {
      expect(await world.storedFor(user)).toEqual([{ groupUuid, lastMessage: 'hi Ann' }]);
    }
    const annInbox = await world.listMessageGroups.execute({ callerSub: 'sub-ann' });
    expect(annInbox.items.map((e) => [e.otherUser.handle, e.lastMessageAt])).toEqual([['bo', tick(1)]]);
  });

  it('refuses a user outside the group as if the group did not exist, writing nothing', async () => {
    const { world, ann, cy, groupUuid } = await setup();
    await expect(world.reply(cy, groupUuid, 'let me in')).rejects.toThrow(MessageGroupNotFoundError);
    const thread = await world.listMessages.execute({ callerSub: 'sub-ann', groupUuid });
    expect(thread.items.map((m) => m.text)).toEqual(['hi Bo']);
    expect(await world.storedFor(cy)).toEqual([]);
    expect(await world.storedFor(ann)).toEqual([{ groupUuid, lastMessage: 'hi Bo' }]);
  });

  it('refuses a group that does not exist with the same error', async () => {
    const { world, ann } = await setup();
    const error = await world.reply(ann, generated(999), 'anyone?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageGroupNotFoundError);
    expect(error).toMatchObject({ code: 'message_group_not_found', groupUuid: generated(999) });
  });

  it('refuses a caller whose token subject has no user', async () => {
    const { world, groupUuid } = await setup();
    await expect(
      world.createMessage.execute({ mode: 'update', callerSub: 'sub-ghost', groupUuid, message: 'hi' }),
    ).rejects.toThrow(CallerNotRegisteredError);
  });
});
