import { UserNotFoundError } from '../domain/errors.js';
import { type Participant, toParticipant } from '../domain/user.js';
import type { UserDirectory } from '../ports/user-directory.js';

/** The public card of a user, looked up by handle. */
export class UsersShort {
  constructor(private readonly deps: { users: UserDirectory }) {}

  async execute(input: { readonly handle: string }): Promise<Participant> {
    const user = await this.deps.users.findByHandle(input.handle);
    if (!user) throw new UserNotFoundError(input.handle);
    return toParticipant(user);
  }
}
