import { CallerNotRegisteredError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import type { UserDirectory } from '../ports/user-directory.js';

/** The user behind a verified token's `sub`. */
export const resolveCaller = async (users: UserDirectory, sub: string): Promise<User> => {
  const caller = await users.findBySub(sub);
  if (!caller) throw new CallerNotRegisteredError(sub);
  return caller;
};
