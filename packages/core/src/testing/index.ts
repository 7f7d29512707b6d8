export { aMessage, aNewUser, anInstant, aParticipant } from './builders.js';
export {
  type ConversationsBackdoor,
  type ConversationsContractOptions,
  type ConversationsHarness,
  runConversationsContract,
} from './conversations-contract.js';
export {
  type IdentityProviderDirectoryHarness,
  runIdentityProviderDirectoryContract,
} from './identity-provider-directory-contract.js';
export { runSendReceiptsContract } from './send-receipts-contract.js';
export { runTokenVerifierContract, type TokenVerifierHarness } from './token-verifier-contract.js';
export { runUserDirectoryContract } from './user-directory-contract.js';
export { type MessageEventsHarness, runMessageEventsContract } from './message-events-contract.js';
export {
  type ReadMarkersContractOptions,
  type ReadMarkersHarness,
  runReadMarkersContract,
} from './read-markers-contract.js';
export {
  type EventTicketsContractOptions,
  type EventTicketsHarness,
  runEventTicketsContract,
} from './event-tickets-contract.js';
