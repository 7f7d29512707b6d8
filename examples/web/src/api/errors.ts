/** An API answer that is not a success, carried with what the person needs to read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Network failures (host stopped, connection cut) have status 0. */
export const OFFLINE = new ApiError(
  0,
  'offline',
  'Cannot reach the server. Check your connection; retrying.',
);

/** Words for the person, by code first and status second; never a stack trace or raw JSON. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  switch (error.code) {
    case 'message_group_not_found':
      return 'Conversation not found. It does not exist, or you are not in it.';
    case 'user_not_found':
    case 'receiver_not_found':
      return 'No such user.';
    case 'message_blank':
      return 'Write something before sending.';
    case 'message_exceed_max_chars_1024':
      return 'That message is longer than 1024 characters.';
    case 'cannot_message_self':
      return 'You cannot send a message to yourself.';
    case 'caller_not_registered':
      return 'Your account is not set up for messages yet.';
  }
  if (error.status === 0) return error.message;
  if (error.status === 401) return 'Your session has ended. Please sign in again.';
  if (error.status === 404) return 'Not found.';
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? ` Wait ${error.retryAfterSeconds} s.` : '';
    return `Too many requests; slow down a little.${wait}`;
  }
  if (error.status === 503) return 'The service is unavailable right now; try again shortly.';
  if (error.status >= 500) return 'Something went wrong on the server. Try again.';
  return error.message || `The request failed (${error.status}).`;
}
