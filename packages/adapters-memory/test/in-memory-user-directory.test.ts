import { aNewUser, runUserDirectoryContract } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryUserDirectory, SequentialIdGenerator } from '../src/index.js';

runUserDirectoryContract('memory', async () => new InMemoryUserDirectory());

describe('InMemoryUserDirectory', () => {
  it('takes uuids from the injected generator', async () => {
    const users = new InMemoryUserDirectory({ ids: new SequentialIdGenerator({ prefix: 'aaaaaaaa' }) });
    const first = await users.create(aNewUser());
    const second = await users.create(aNewUser());
    expect([first.uuid, second.uuid]).toEqual([
      'aaaaaaaa-0000-4000-8000-000000000001',
      'aaaaaaaa-0000-4000-8000-000000000002',
    ]);
  });

  it('hands out users a caller cannot change', async () => {
    const users = new InMemoryUserDirectory();
    const created = await users.create(aNewUser({ handle: 'mira', displayName: 'Mira' }));
    expect(() => Object.assign(created, { displayName: 'Mallory' })).toThrow(TypeError);
    const listed = await users.listAll();
    listed.pop();
    expect((await users.findByHandle('mira'))?.displayName).toBe('Mira');
    expect(await users.listAll()).toHaveLength(1);
  });

  it('treats handles as case-sensitive, like a PostgreSQL text column', async () => {
    const users = new InMemoryUserDirectory();
    await users.create(aNewUser({ handle: 'Mira' }));
    expect(await users.findByHandle('mira')).toBeNull();
    await expect(users.create(aNewUser({ handle: 'mira' }))).resolves.toMatchObject({ handle: 'mira' });
  });

  it('frees the old sub when a user is linked to a new one', async () => {
    const users = new InMemoryUserDirectory();
    const user = await users.create(aNewUser({ cognitoUserId: 'old-sub' }));
    await users.setCognitoUserId(user.handle, 'new-sub');
    expect(await users.findBySub('old-sub')).toBeNull();
    expect(await users.findBySub('new-sub')).toEqual({ ...user, cognitoUserId: 'new-sub' });
    const newcomer = await users.create(aNewUser({ cognitoUserId: 'old-sub' }));
    expect(await users.findBySub('old-sub')).toEqual(newcomer);
  });

  it('relinks a user to the sub it already has', async () => {
    const users = new InMemoryUserDirectory();
    const user = await users.create(aNewUser({ cognitoUserId: 'sub-1' }));
    expect(await users.setCognitoUserId(user.handle, 'sub-1')).toBe(true);
    expect(await users.findBySub('sub-1')).toEqual(user);
  });

  it('answers each uuid once even when asked twice', async () => {
    const users = new InMemoryUserDirectory();
    const user = await users.create(aNewUser());
    expect(await users.findByUuids([user.uuid, user.uuid])).toEqual([user]);
  });
});
