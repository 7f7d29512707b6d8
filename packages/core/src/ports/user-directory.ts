import type { NewUser, User } from '../domain/user.js';

/** Where users live (PostgreSQL `users` in production). */
export interface UserDirectory {
  findBySub(cognitoUserId: string): Promise<User | null>;
  findByHandle(handle: string): Promise<User | null>;
  /** Users for the uuids that exist, in no particular order. */
  findByUuids(uuids: readonly string[]): Promise<User[]>;
  /** Every user, ordered by handle (for the Cognito sync). */
  listAll(): Promise<User[]>;
  /** Throws HandleTakenError or CognitoUserIdTakenError. */
  create(user: NewUser): Promise<User>;
  /** Links a user to a Cognito sub; returns false when no user has the handle. */
  setCognitoUserId(handle: string, cognitoUserId: string): Promise<boolean>;
}
