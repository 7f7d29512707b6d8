export { FixedClock } from './fixed-clock.js';
export {
  InMemoryConversations,
  type StoredInboxRow,
} from './in-memory-conversations.js';
export { InMemoryEventTickets, type InMemoryEventTicketsOptions } from './in-memory-event-tickets.js';
export { InMemorySendReceipts } from './in-memory-send-receipts.js';
export { InMemoryIdentityProviderDirectory } from './in-memory-identity-provider-directory.js';
export { InMemoryMessageEvents } from './in-memory-message-events.js';
export { InMemoryReadMarkers } from './in-memory-read-markers.js';
export {
  InMemoryTokenVerifier,
  type InMemoryTokenVerifierOptions,
  type IssueTokenOptions,
} from './in-memory-token-verifier.js';
export { InMemoryUserDirectory, type InMemoryUserDirectoryOptions } from './in-memory-user-directory.js';
export type { Step } from './instant-input.js';
export { SequentialIdGenerator, type SequentialIdGeneratorOptions } from './sequential-id-generator.js';
export { SteppingClock } from './stepping-clock.js';
