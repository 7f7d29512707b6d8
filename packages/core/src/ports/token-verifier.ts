export interface VerifiedIdentity {
  /** The Cognito `sub`, matched against `users.cognito_user_id`. */
  readonly sub: string;
  readonly username: string | null;
  /** When the token stops being valid (epoch seconds); a cache must not keep it past this. */
  readonly expiresAt: number;
}

/** Bearer token → identity. Throws UnauthenticatedError with the reason on any failure. */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity>;
}
