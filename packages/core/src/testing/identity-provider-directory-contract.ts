import { beforeAll, describe, expect, it } from 'vitest';
import type {
  IdentityProviderDirectory,
  IdentityProviderUser,
} from '../ports/identity-provider-directory.js';

/** Run by every `IdentityProviderDirectory`; `seeded` are the users the setup put there. */
export function runIdentityProviderDirectoryContract(
  name: string,
  setup: () => Promise<{ directory: IdentityProviderDirectory; seeded: readonly IdentityProviderUser[] }>,
): void {
  describe(`IdentityProviderDirectory contract: ${name}`, () => {
    let directory: IdentityProviderDirectory;
    let seeded: readonly IdentityProviderUser[];

    beforeAll(async () => {
      ({ directory, seeded } = await setup());
    });

    it('lists every user with handle and sub, across all pages', async () => {
      const listed = await directory.listUsers();
      for (const user of seeded) expect(listed).toContainEqual(user);
      expect(new Set(listed.map((u) => u.sub)).size).toBe(listed.length);
    });
  });
}
