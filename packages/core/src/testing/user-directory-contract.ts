import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CognitoUserIdTakenError, HandleTakenError } from '../domain/errors.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { aNewUser } from './builders.js';

/** Run by every `UserDirectory` adapter (and decorator) against its own engine. */
export function runUserDirectoryContract(name: string, setup: () => Promise<UserDirectory>): void {
  describe(`UserDirectory contract: ${name}`, () => {
    let users: UserDirectory;

    beforeAll(async () => {
      users = await setup();
    });

    it('creates a user and finds it by handle, sub and uuid', async () => {
      const sub = randomUUID();
      const created = await users.create(aNewUser({ handle: `mira${Date.now()}`, cognitoUserId: sub }));
      expect(created).toEqual({
        uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        handle: created.handle,
        displayName: `User ${created.handle}`,
        email: `${created.handle}@example.test`,
        cognitoUserId: sub,
      });
      expect(await users.findByHandle(created.handle)).toEqual(created);
      expect(await users.findBySub(sub)).toEqual(created);
      expect(await users.findByUuids([created.uuid])).toEqual([created]);
    });

    it('answers null or nothing for unknown users', async () => {
      expect(await users.findByHandle(`nobody${Date.now()}`)).toBeNull();
      expect(await users.findBySub(randomUUID())).toBeNull();
      expect(await users.findByUuids([randomUUID()])).toEqual([]);
      expect(await users.findByUuids([])).toEqual([]);
    });

    it('finds several users by uuid, skipping unknown ones', async () => {
      const [a, b] = [await users.create(aNewUser()), await users.create(aNewUser())];
      const found = await users.findByUuids([b.uuid, randomUUID(), a.uuid]);
      expect(found.map((u) => u.uuid).sort()).toEqual([a.uuid, b.uuid].sort());
    });

    it('refuses a second user with the same handle', async () => {
      const first = await users.create(aNewUser());
      await expect(users.create(aNewUser({ handle: first.handle }))).rejects.toThrow(HandleTakenError);
    });

    it('refuses a second user with the same cognito user id', async () => {
      const sub = randomUUID();
      await users.create(aNewUser({ cognitoUserId: sub }));
      await expect(users.create(aNewUser({ cognitoUserId: sub }))).rejects.toThrow(CognitoUserIdTakenError);
    });

    it('links a user to a cognito sub, visible to the next lookup by sub', async () => {
      const user = await users.create(aNewUser());
      const sub = randomUUID();
      expect(await users.findBySub(sub)).toBeNull();
      expect(await users.setCognitoUserId(user.handle, sub)).toBe(true);
      expect(await users.findBySub(sub)).toEqual({ ...user, cognitoUserId: sub });
      expect((await users.findByHandle(user.handle))?.cognitoUserId).toBe(sub);
    });

    it('reports false when linking an unknown handle', async () => {
      expect(await users.setCognitoUserId(`ghost${Date.now()}`, randomUUID())).toBe(false);
    });

    it('refuses to link a sub that belongs to another user', async () => {
      const sub = randomUUID();
      await users.create(aNewUser({ cognitoUserId: sub }));
      const other = await users.create(aNewUser());
      await expect(users.setCognitoUserId(other.handle, sub)).rejects.toThrow(CognitoUserIdTakenError);
    });

    it('lists every user ordered by handle', async () => {
      const created = [await users.create(aNewUser()), await users.create(aNewUser())];
      const all = await users.listAll();
      const handles = all.map((u) => u.handle);
      expect([...handles].sort()).toEqual(handles);
      for (const user of created) expect(all).toContainEqual(user);
    });
  });
}
