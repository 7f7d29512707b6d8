import { type IdentityProviderUser, SyncCognitoUserIds } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { InMemoryIdentityProviderDirectory, InMemoryUserDirectory } from '../../src/index.js';

const setup = async (remote: IdentityProviderUser[]) => {
  const users = new InMemoryUserDirectory();
  for (const [handle, sub] of [
    ['ann', null],
    ['bo', 'sub-bo'],
    ['cy', 'sub-cy-old'],
    ['dee', 'sub-taken'],
  ] as const) {
    await users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: sub });
  }
  const sync = new SyncCognitoUserIds({
    users,
    identityProvider: new InMemoryIdentityProviderDirectory(remote),
  });
  return { users, sync };
};

describe('SyncCognitoUserIds', () => {
  it('links each identity-provider user to the local user with that handle and reports each one', async () => {
    const { users, sync } = await setup([
      { handle: 'ann', sub: 'sub-ann' },
      { handle: 'bo', sub: 'sub-bo' },
      { handle: 'cy', sub: 'sub-cy-new' },
      { handle: 'zed', sub: 'sub-zed' },
      { handle: 'eve', sub: 'sub-taken' },
    ]);
    expect(await sync.execute()).toEqual([
      { handle: 'ann', sub: 'sub-ann', outcome: 'linked' },
      { handle: 'bo', sub: 'sub-bo', outcome: 'already_linked' },
      { handle: 'cy', sub: 'sub-cy-new', outcome: 'relinked' },
      { handle: 'zed', sub: 'sub-zed', outcome: 'no_local_user' },
      { handle: 'eve', sub: 'sub-taken', outcome: 'no_local_user' },
    ]);
    expect((await users.findBySub('sub-ann'))?.handle).toBe('ann');
    expect((await users.findBySub('sub-cy-new'))?.handle).toBe('cy');
    expect(await users.findBySub('sub-cy-old')).toBeNull();
  });

  it('reports a sub that already belongs to another local user instead of stealing it', async () => {
    const { users, sync } = await setup([{ handle: 'ann', sub: 'sub-taken' }]);
    expect(await sync.execute()).toEqual([{ handle: 'ann', sub: 'sub-taken', outcome: 'sub_taken' }]);
    expect((await users.findBySub('sub-taken'))?.handle).toBe('dee');
    expect((await users.findByHandle('ann'))?.cognitoUserId).toBeNull();
  });

  it('links nobody when several identity-provider users claim one handle', async () => {
    const { users, sync } = await setup([
      { handle: 'ann', sub: 'sub-ann-1' },
      { handle: 'ann', sub: 'sub-ann-2' },
    ]);
    expect(await sync.execute()).toEqual([
      { handle: 'ann', sub: 'sub-ann-1', outcome: 'duplicate_handle' },
      { handle: 'ann', sub: 'sub-ann-2', outcome: 'duplicate_handle' },
    ]);
    expect((await users.findByHandle('ann'))?.cognitoUserId).toBeNull();
  });

  it('changes nothing on a second run', async () => {
    const { users, sync } = await setup([{ handle: 'ann', sub: 'sub-ann' }]);
    await sync.execute();
    const before = await users.listAll();
    expect(await sync.execute()).toEqual([{ handle: 'ann', sub: 'sub-ann', outcome: 'already_linked' }]);
    expect(await users.listAll()).toEqual(before);
  });

  it('reports nothing when the identity provider has no users', async () => {
    const { sync } = await setup([]);
    expect(await sync.execute()).toEqual([]);
  });
});
