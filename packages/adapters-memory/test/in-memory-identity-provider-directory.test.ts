import { runIdentityProviderDirectoryContract } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryIdentityProviderDirectory } from '../src/index.js';

const seeded = [
  { handle: 'andrewbrown', sub: 'sub-andrew' },
  { handle: 'bayko', sub: 'sub-bayko' },
];

runIdentityProviderDirectoryContract('memory', async () => ({
  withUsers: async (users) => new InMemoryIdentityProviderDirectory(users),
}));

describe('InMemoryIdentityProviderDirectory', () => {
  it('keeps its users when a caller edits the list it passed or got back', async () => {
    const users = seeded.map((user) => ({ ...user }));
    const directory = new InMemoryIdentityProviderDirectory(users);
    users.push({ handle: 'mallory', sub: 'sub-mallory' });
    const listed = await directory.listUsers();
    listed.length = 0;
    expect(await directory.listUsers()).toEqual(seeded);
  });

  it('refuses two users with one sub, which a user pool cannot hold', () => {
    expect(
      () =>
        new InMemoryIdentityProviderDirectory([
          { handle: 'a', sub: 'same' },
          { handle: 'b', sub: 'same' },
        ]),
    ).toThrow(RangeError);
  });
});
