import { beforeAll, describe, expect, it } from 'vitest';
import type {
  IdentityProviderDirectory,
  IdentityProviderUser,
} from '../ports/identity-provider-directory.js';

export interface IdentityProviderDirectoryHarness {
  /** A directory over a fresh pool holding exactly `users` (none: an empty pool). */
  withUsers(users: readonly IdentityProviderUser[]): Promise<IdentityProviderDirectory>;
  /**
   * Users per page, if the source pages its answers: the suite then seeds two full pages plus one
   * user, and exactly two full pages. Leave it out for a source that answers in one page.
   */
  readonly pageSize?: number;
}

const userNumber = (n: number): IdentityProviderUser => ({
  handle: `user${String(n).padStart(3, '0')}`,
  sub: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});
const bySub = (users: readonly IdentityProviderUser[]) =>
  [...users].sort((a, b) => a.sub.localeCompare(b.sub));

/** Run by every `IdentityProviderDirectory`. */
export function runIdentityProviderDirectoryContract(
  name: string,
  setup: () => Promise<IdentityProviderDirectoryHarness>,
): void {
  describe(`IdentityProviderDirectory contract: ${name}`, () => {
    let harness: IdentityProviderDirectoryHarness;

    beforeAll(async () => {
      harness = await setup();
    });

    const expectListed = async (count: number) => {
      const seeded = Array.from({ length: count }, (_, i) => userNumber(i + 1));
      const listed = await (await harness.withUsers(seeded)).listUsers();
      // Every user once: a page read twice or skipped shows up as a difference here.
      expect(bySub(listed)).toEqual(bySub(seeded));
    };

    it('lists nothing for an empty pool', async () => {
      expect(await (await harness.withUsers([])).listUsers()).toEqual([]);
    });

    it('lists every user once, with handle and sub, across all pages', async () => {
      await expectListed(harness.pageSize === undefined ? 3 : 2 * harness.pageSize + 1);
    });

    it('lists every user once when the last page is exactly full', async () => {
      await expectListed(harness.pageSize === undefined ? 2 : 2 * harness.pageSize);
    });
  });
}
