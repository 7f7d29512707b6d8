/**
 * What `ddb seed` and `db seed` load: people (PostgreSQL `users`) and their conversations
 * (DynamoDB). Both read the same users, with fixed uuids, so the two stores agree without
 * either seed asking the other.
 */
export interface SeedUser {
  readonly uuid: string;
  readonly handle: string;
  readonly displayName: string;
  readonly email: string;
}

export interface SeedMessage {
  /** Default: a random uuid. */
  readonly uuid?: string | undefined;
  /** The sender's handle; one of the conversation's members. */
  readonly from: string;
  readonly text: string;
  /** Default: spaced three minutes apart, ending just before now. */
  readonly createdAt?: string | undefined;
}

export interface SeedConversation {
  /** Default: a random uuid. The pair's existing group wins over it (one group per pair). */
  readonly groupUuid?: string | undefined;
  readonly members: readonly [string, string];
  readonly messages: readonly SeedMessage[];
}

export interface SeedData {
  readonly users: readonly SeedUser[];
  readonly conversations: readonly SeedConversation[];
}
