import { UserNotFoundError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { aWorld } from './world.js';

describe('UsersShort', () => {
  it('gives the public card of a user: uuid, handle and display name only', async () => {
    const world = aWorld();
    const ann = await world.aUser('ann', 'Ann Example');
    const card = await world.usersShort.execute({ handle: 'ann' });
    expect(card).toEqual({ uuid: ann.uuid, handle: 'ann', displayName: 'Ann Example' });
    expect(card).not.toHaveProperty('email');
    expect(card).not.toHaveProperty('cognitoUserId');
  });

  it('refuses a handle no user has', async () => {
    const error = await aWorld()
      .usersShort.execute({ handle: 'nobody' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserNotFoundError);
    expect(error).toMatchObject({ code: 'user_not_found', handle: 'nobody' });
  });
});
