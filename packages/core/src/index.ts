export {
  CallerNotRegisteredError,
  CognitoUserIdTakenError,
  DependencyUnavailableError,
  DomainError,
  type DomainErrorCode,
  HandleTakenError,
  IdempotencyKeyInvalidError,
  IdempotencyKeyReusedError,
  InvalidCursorError,
  InvalidPageLimitError,
  InvalidReadMarkerError,
  MessageGroupNotFoundError,
  UnauthenticatedError,
  type UnauthenticatedReason,
  type ValidationCode,
  ValidationError,
  UserNotFoundError,
} from './domain/errors.js';
export {
  epochMicrosOf,
  type Instant,
  instantFromEpochMicros,
  isInstant,
  nextMicrosecond,
  normalizeInstant,
} from './domain/instant.js';
export { EVENT_TICKET_TTL_SECONDS, eventTicketDigest, newEventTicket } from './domain/event-ticket.js';
export {
  IDEMPOTENCY_WINDOW_SECONDS,
  isIdempotencyKey,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from './domain/idempotency-key.js';
export {
  type GroupMembers,
  type InboxEntry,
  type InboxEntryWithReadState,
  isMember,
  type Message,
  type ReadMarkerMoved,
} from './domain/message.js';
export { checkMessageText, MAX_MESSAGE_CODE_POINTS, type MessageTextProblem } from './domain/message-text.js';
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type Page, type PageRequest } from './domain/page.js';
export { type NewUser, type Participant, toParticipant, type User } from './domain/user.js';
export type { Clock } from './ports/clock.js';
export type { Conversations, NewMessage } from './ports/conversations.js';
export type { EventTickets } from './ports/event-tickets.js';
export type { IdGenerator } from './ports/id-generator.js';
export type { MessageEvents, MessageListener, MessageSubscription } from './ports/message-events.js';
export type { IdentityProviderDirectory, IdentityProviderUser } from './ports/identity-provider-directory.js';
export type { MarkerMove, ReadMarkers, SentMark } from './ports/read-markers.js';
export type { ReceiptClaim, SendReceipt, SendReceipts } from './ports/send-receipts.js';
export type { TokenVerifier, VerifiedIdentity } from './ports/token-verifier.js';
export type { UserDirectory } from './ports/user-directory.js';
export { ListenersByUser } from './runtime/listeners-by-user.js';
export { LruTtlCache } from './runtime/lru-ttl-cache.js';
export { RandomIdGenerator } from './runtime/random-id-generator.js';
export { SystemClock } from './runtime/system-clock.js';
export { CreateMessage, type CreateMessageDeps, type CreateMessageInput } from './use-cases/create-message.js';
export { type FollowedMessages, FollowMessages, type FollowMessagesInput } from './use-cases/follow-messages.js';
export { ListMessageGroups, type ListMessageGroupsInput } from './use-cases/list-message-groups.js';
export { MarkRead, type MarkReadInput, type ReadState } from './use-cases/mark-read.js';
export {
  laterOf,
  type ReadPosition,
  type ReadStateOf,
  readPosition,
  readStateFromInbox,
} from './use-cases/read-position.js';
export { ReadStateCache, SETTLE_WINDOW_MS } from './use-cases/read-state-cache.js';
export { ListMessages, type ListMessagesInput } from './use-cases/list-messages.js';
export type { PageInput } from './use-cases/page-input.js';
export {
  SyncCognitoUserIds,
  type SyncOutcome,
  type SyncReportLine,
} from './use-cases/sync-cognito-user-ids.js';
export { UsersShort } from './use-cases/users-short.js';
