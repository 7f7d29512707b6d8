export interface IdentityProviderUser {
  /** The handle the user signed up with (Cognito `preferred_username`, else the username). */
  readonly handle: string;
  readonly sub: string;
}

/** Users of the identity provider (Cognito user pool), every page. */
export interface IdentityProviderDirectory {
  listUsers(): Promise<IdentityProviderUser[]>;
}
