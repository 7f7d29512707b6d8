import type { IdentityProviderDirectory, IdentityProviderUser } from '@cruddur/core';

/** A Cognito user pool's users, fixed at construction. */
export class InMemoryIdentityProviderDirectory implements IdentityProviderDirectory {
  readonly #users: readonly IdentityProviderUser[];

  constructor(users: readonly IdentityProviderUser[] = []) {
    // A pool never holds two users with one sub; seeding one would hide sync bugs.
    const subs = new Set(users.map((user) => user.sub));
    if (subs.size !== users.length) throw new RangeError('Two identity-provider users share a sub.');
    this.#users = users.map(({ handle, sub }) => Object.freeze({ handle, sub }));
  }

  async listUsers(): Promise<IdentityProviderUser[]> {
    return [...this.#users];
  }
}
