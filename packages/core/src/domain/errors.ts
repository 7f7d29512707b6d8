/**
 * Every failure a caller can act on has a stable `code`. Hosts map codes to their own
 * statuses in one table; messages are for people and may change.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input problems found by the domain; one request can have several. */
export type ValidationCode =
  | 'message_blank'
  | 'message_exceed_max_chars_1024'
  | 'message_invalid_text'
  | 'receiver_not_found'
  | 'cannot_message_self';

export type DomainErrorCode =
  | ValidationCode
  | 'invalid_page_limit'
  | 'invalid_cursor'
  | 'invalid_read_marker'
  | 'message_group_not_found'
  | 'user_not_found'
  | 'caller_not_registered'
  | 'handle_taken'
  | 'cognito_user_id_taken'
  | 'unauthenticated'
  | 'idempotency_key_invalid'
  | 'idempotency_key_reused'
  | 'dependency_unavailable';

const VALIDATION_TEXT: Record<ValidationCode, string> = {
  message_blank: 'The message is blank.',
  message_exceed_max_chars_1024: 'The message is longer than 1024 characters.',
  message_invalid_text: 'The message contains an unpaired UTF-16 surrogate, which is not text.',
  receiver_not_found: 'No user has that handle.',
  cannot_message_self: 'You cannot start a conversation with yourself.',
};

export class ValidationError extends DomainError {
  readonly code: ValidationCode;
  readonly errors: readonly ValidationCode[];

  constructor(errors: readonly [ValidationCode, ...ValidationCode[]]) {
    super(errors.map((code) => VALIDATION_TEXT[code]).join(' '));
    this.code = errors[0];
    this.errors = errors;
  }
}

export class InvalidPageLimitError extends DomainError {
  readonly code = 'invalid_page_limit';
  constructor(limit: number, max: number) {
    super(`limit must be an integer from 1 to ${max}, got ${limit}.`);
  }
}

export class InvalidCursorError extends DomainError {
  readonly code = 'invalid_cursor';
  constructor(options?: ErrorOptions) {
    super('The cursor is not one this service issued for this list.', options);
  }
}

export class InvalidReadMarkerError extends DomainError {
  readonly code = 'invalid_read_marker';
  constructor() {
    super('up_to must be an ISO-8601 time, as in a message\'s created_at.');
  }
}

/** Also raised for groups that exist but the caller is not in, so existence does not leak. */
export class MessageGroupNotFoundError extends DomainError {
  readonly code = 'message_group_not_found';
  constructor(readonly groupUuid: string) {
    super('No such message group.');
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'user_not_found';
  constructor(readonly handle: string) {
    super(`No user has the handle "${handle}".`);
  }
}

/** A valid token whose subject has no user row yet (cognito ids not synced). */
export class CallerNotRegisteredError extends DomainError {
  readonly code = 'caller_not_registered';
  constructor(readonly sub: string) {
    super('Your account has no Cruddur profile yet.');
  }
}

export class HandleTakenError extends DomainError {
  readonly code = 'handle_taken';
  constructor(readonly handle: string, options?: ErrorOptions) {
    super(`The handle "${handle}" is taken.`, options);
  }
}

export class CognitoUserIdTakenError extends DomainError {
  readonly code = 'cognito_user_id_taken';
  constructor(readonly cognitoUserId: string, options?: ErrorOptions) {
    super('That Cognito user id belongs to another user.', options);
  }
}

export type UnauthenticatedReason =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  /** `iat` more than a minute ahead of our clock: no honest issuer signs from the future. */
  | 'issued_in_future'
  /** `exp - iat` longer than Cognito's 24 h maximum for access tokens. */
  | 'lifetime_too_long'
  | 'wrong_issuer'
  | 'wrong_client'
  | 'wrong_token_use'
  | 'unknown_key'
  | 'unsupported_algorithm';

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
  constructor(readonly reason: UnauthenticatedReason, options?: ErrorOptions) {
    super(
      reason === 'missing'
        ? 'An access token is required: send Authorization: Bearer <token>.'
        : `The access token is invalid (${reason.replaceAll('_', ' ')}).`,
      options,
    );
  }
}

export class IdempotencyKeyInvalidError extends DomainError {
  readonly code = 'idempotency_key_invalid';
  constructor() {
    super('An idempotency key is 1 to 255 visible ASCII characters (no spaces).');
  }
}

/** The key already names a send with another request (body or target). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  constructor(readonly key: string) {
    super('This idempotency key was already used for a different message; use a new key.');
  }
}

/** An engine the service needs is down, throttling or too slow; worth retrying later. */
export class DependencyUnavailableError extends DomainError {
  readonly code = 'dependency_unavailable';
  constructor(
    readonly dependency: string,
    readonly retryAfterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(`${dependency} is unavailable; try again shortly.`, options);
  }
}
