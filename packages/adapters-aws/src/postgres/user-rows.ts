import type { User } from '@cruddur/core';

/** The `users` columns a `User` is made of, in the order every query selects them. */
export const USER_COLUMNS = 'uuid, handle, display_name, email, cognito_user_id';

export interface UserRow {
  readonly uuid: string;
  readonly handle: string;
  readonly display_name: string;
  readonly email: string;
  readonly cognito_user_id: string | null;
}

export const toUser = (row: UserRow): User => ({
  uuid: row.uuid,
  handle: row.handle,
  displayName: row.display_name,
  email: row.email,
  cognitoUserId: row.cognito_user_id,
});
