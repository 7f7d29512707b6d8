/** A row of the `users` table. `cognitoUserId` is the Cognito `sub`, null until synced. */
export interface User {
  readonly uuid: string;
  readonly handle: string;
  readonly displayName: string;
  readonly email: string;
  readonly cognitoUserId: string | null;
}

export interface NewUser {
  readonly handle: string;
  readonly displayName: string;
  readonly email: string;
  readonly cognitoUserId?: string | null;
}

/** How a user appears on a message or an inbox row: a copy taken at send time. */
export interface Participant {
  readonly uuid: string;
  readonly handle: string;
  readonly displayName: string;
}

export const toParticipant = ({ uuid, handle, displayName }: User): Participant => ({
  uuid,
  handle,
  displayName,
});
