import { CallerNotRegisteredError, InvalidPageLimitError, MessageGroupNotFoundError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld, generated } from './world.js';

describe('ListMessages', () => {
  const setup = async (messages: number) => {
    const world = aWorld();
    const [ann, bo, cy] = [await world.aUser('ann'), await world.aUser('bo'), await world.aUser('cy')];
    const first = await world.start(ann, 'bo', 'm0');
    for (let i = 1; i < messages; i++) await world.reply(i % 2 ? bo : ann, first.groupUuid, `m${i}`);
    return { world, ann, bo, cy, groupUuid: first.groupUuid };
  };

  it('shows a member the newest page first, each page oldest to newest', async () => {
    const { world, groupUuid } = await setup(5);
    const read = (cursor: string | null) =>
      world.listMessages.execute({ callerSub: 'sub-bo', groupUuid, limit: 2, cursor });
    const newest = await read(null);
    const middle = await read(newest.nextCursor);
    const oldest = await read(middle.nextCursor);
    expect([newest, middle, oldest].map((page) => page.items.map((m) => m.text))).toEqual([
      ['m3', 'm4'],
      ['m1', 'm2'],
      ['m0'],
    ]);
    expect(oldest.nextCursor).toBeNull();
  });

  it('shows who sent each message', async () => {
    const { world, ann, bo, groupUuid } = await setup(2);
    const page = await world.listMessages.execute({ callerSub: 'sub-ann', groupUuid });
    expect(page.items.map((m) => m.sender.uuid)).toEqual([ann.uuid, bo.uuid]);
  });

  it('answers a non-member as if the group did not exist', async () => {
    const { world, groupUuid } = await setup(1);
    await expect(world.listMessages.execute({ callerSub: 'sub-cy', groupUuid })).rejects.toThrow(
      MessageGroupNotFoundError,
    );
  });

  it('answers an unknown group with the same error', async () => {
    const { world } = await setup(1);
    await expect(
      world.listMessages.execute({ callerSub: 'sub-ann', groupUuid: generated(999) }),
    ).rejects.toThrow(MessageGroupNotFoundError);
  });

  it('refuses a caller whose token subject has no user', async () => {
    const { world, groupUuid } = await setup(1);
    await expect(world.listMessages.execute({ callerSub: 'sub-ghost', groupUuid })).rejects.toThrow(
      CallerNotRegisteredError,
    );
  });

  it.each([0, 51, 1.5])('refuses a page limit of %s', async (limit) => {
    const { world, groupUuid } = await setup(1);
    await expect(world.listMessages.execute({ callerSub: 'sub-ann', groupUuid, limit })).rejects.toThrow(
      InvalidPageLimitError,
    );
  });
});
