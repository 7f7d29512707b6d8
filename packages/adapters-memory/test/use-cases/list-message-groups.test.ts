import { CallerNotRegisteredError, InvalidCursorError, InvalidPageLimitError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld, tick } from './world.js';

describe('ListMessageGroups', () => {
  it('shows the caller one entry per conversation, latest activity first', async () => {
    const world = aWorld();
    const me = await world.aUser('me');
    for (const handle of ['bo', 'cy', 'dee']) await world.aUser(handle);
    const withBo = await world.start(me, 'bo', 'to bo');
    await world.start(me, 'cy', 'to cy');
    await world.start(me, 'dee', 'to dee');
    await world.reply(me, withBo.groupUuid, 'bo again');
    const inbox = await world.listMessageGroups.execute({ callerSub: 'sub-me' });
    expect(inbox.items.map((e) => [e.otherUser.handle, e.lastMessage, e.lastMessageAt])).toEqual([
      ['bo', 'bo again', tick(3)],
      ['dee', 'to dee', tick(2)],
      ['cy', 'to cy', tick(1)],
    ]);
    expect(inbox.nextCursor).toBeNull();
  });

  it('pages 20 entries by default and continues with the cursor', async () => {
    const world = aWorld();
    const me = await world.aUser('me');
    for (let i = 0; i < 25; i++) {
      await world.aUser(`friend${i}`);
      await world.start(me, `friend${i}`, `hello ${i}`);
    }
    const first = await world.listMessageGroups.execute({ callerSub: 'sub-me' });
    expect(first.items).toHaveLength(20);
    const rest = await world.listMessageGroups.execute({
      callerSub: 'sub-me',
      limit: 20,
      cursor: first.nextCursor,
    });
    expect(rest.items.map((e) => e.otherUser.handle)).toEqual([
      'friend4',
      'friend3',
      'friend2',
      'friend1',
      'friend0',
    ]);
    expect(rest.nextCursor).toBeNull();
  });

  it('shows a new user an empty inbox', async () => {
    const world = aWorld();
    await world.aUser('me');
    expect(await world.listMessageGroups.execute({ callerSub: 'sub-me' })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses a caller whose token subject has no user', async () => {
    await expect(aWorld().listMessageGroups.execute({ callerSub: 'sub-ghost' })).rejects.toThrow(
      CallerNotRegisteredError,
    );
  });

  it.each([0, 51, 1.5, -1])('refuses a page limit of %s', async (limit) => {
    const world = aWorld();
    await world.aUser('me');
    await expect(world.listMessageGroups.execute({ callerSub: 'sub-me', limit })).rejects.toThrow(
      InvalidPageLimitError,
    );
  });

  it('accepts the page limits 1 and 50', async () => {
    const world = aWorld();
    const me = await world.aUser('me');
    for (const handle of ['bo', 'cy']) {
      await world.aUser(handle);
      await world.start(me, handle, `to ${handle}`);
    }
    const one = await world.listMessageGroups.execute({ callerSub: 'sub-me', limit: 1 });
    expect(one.items.map((e) => e.otherUser.handle)).toEqual(['cy']);
    expect(one.nextCursor).not.toBeNull();
    const fifty = await world.listMessageGroups.execute({ callerSub: 'sub-me', limit: 50 });
    expect(fifty).toEqual({
      items: [one.items[0], expect.objectContaining({ lastMessage: 'to bo' })],
      nextCursor: null,
    });
  });

  it('refuses a cursor the service did not issue', async () => {
    const world = aWorld();
    await world.aUser('me');
    await expect(world.listMessageGroups.execute({ callerSub: 'sub-me', cursor: 'forged' })).rejects.toThrow(
      InvalidCursorError,
    );
  });
});
