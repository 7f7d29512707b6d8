import { type User, ValidationError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld } from './world.js';

const codesOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof ValidationError ? error.errors : error),
  );

describe('CreateMessage validation', () => {
  const setup = async () => {
    const world = aWorld();
    const ann = await world.aUser('ann');
    const bo = await world.aUser('bo');
    const nothingStored = async (...users: User[]) => {
      for (const user of users) expect(await world.storedFor(user)).toEqual([]);
      expect(await world.conversations.findGroupByPair(ann.uuid, bo.uuid)).toBeNull();
    };
    return { world, ann, bo, nothingStored };
  };

  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n\u00a0 '],
  ])('refuses a %s message as blank, storing nothing', async (_, message) => {
    const { world, ann, bo, nothingStored } = await setup();
    expect(await codesOf(world.start(ann, 'bo', message))).toEqual(['message_blank']);
    await nothingStored(ann, bo);
  });

  it('refuses 1025 characters and accepts exactly 1024 emoji (counted as characters)', async () => {
    const { world, ann, bo, nothingStored } = await setup();
    expect(await codesOf(world.start(ann, 'bo', 'a'.repeat(1025)))).toEqual([
      'message_exceed_max_chars_1024',
    ]);
    expect(await codesOf(world.start(ann, 'bo', '😀'.repeat(1025)))).toEqual([
      'message_exceed_max_chars_1024',
    ]);
    await nothingStored(ann, bo);
    const accepted = await world.start(ann, 'bo', `  ${'😀'.repeat(1024)}  `);
    expect(accepted.text).toBe('😀'.repeat(1024));
  });

  it('refuses a handle no user has', async () => {
    const { world, ann, bo, nothingStored } = await setup();
    expect(await codesOf(world.start(ann, 'nobody', 'hi'))).toEqual(['receiver_not_found']);
    await nothingStored(ann, bo);
  });

  it("refuses the caller's own handle", async () => {
    const { world, ann, bo, nothingStored } = await setup();
    expect(await codesOf(world.start(ann, 'ann', 'hi'))).toEqual(['cannot_message_self']);
    await nothingStored(ann, bo);
  });

  it('names every failing rule at once, not just the first', async () => {
    const { world, ann, bo, nothingStored } = await setup();
    expect(await codesOf(world.start(ann, 'nobody', '   '))).toEqual(['message_blank', 'receiver_not_found']);
    expect(await codesOf(world.start(ann, 'ann', ''))).toEqual(['message_blank', 'cannot_message_self']);
    expect(await codesOf(world.start(ann, 'nobody', 'x'.repeat(2000)))).toEqual([
      'message_exceed_max_chars_1024',
      'receiver_not_found',
    ]);
    await nothingStored(ann, bo);
  });

  it('refuses an invalid reply into an existing group, leaving the group as it was', async () => {
    const { world, ann, bo } = await setup();
    const first = await world.start(ann, 'bo', 'hi');
    expect(await codesOf(world.reply(bo, first.groupUuid, ' '))).toEqual(['message_blank']);
    const thread = await world.listMessages.execute({ callerSub: 'sub-bo', groupUuid: first.groupUuid });
    expect(thread.items.map((m) => m.text)).toEqual(['hi']);
    expect(await world.storedFor(bo)).toEqual([{ groupUuid: first.groupUuid, lastMessage: 'hi' }]);
  });

  it('gives the first failing code as the error code, for hosts that show only one', async () => {
    const { world, ann } = await setup();
    await expect(world.start(ann, 'nobody', '')).rejects.toMatchObject({
      code: 'message_blank',
      errors: ['message_blank', 'receiver_not_found'],
    });
  });
});
