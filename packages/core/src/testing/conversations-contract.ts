import { describe } from 'vitest';
import { describeConcurrency } from './conversations-contract/concurrency.js';
import { ContractContext, type ConversationsHarness } from './conversations-contract/context.js';
import { describeGroups } from './conversations-contract/groups.js';
import { describeInbox } from './conversations-contract/inbox.js';
import { describeMessages } from './conversations-contract/messages.js';
import { describeRetries } from './conversations-contract/retries.js';
import { describeMessagesSince } from './conversations-contract/messages-since.js';

export type { ConversationsBackdoor, ConversationsHarness } from './conversations-contract/context.js';

export interface ConversationsContractOptions {
  /** Sends fired at once into one group by the concurrency test. */
  readonly parallelSends?: number;
  /** Conversation starts fired at once for one pair. */
  readonly parallelOpens?: number;
}

/** Run by every `Conversations` adapter: `runConversationsContract('dynalite', async () => ...)`. */
export function runConversationsContract(
  name: string,
  setup: () => Promise<ConversationsHarness>,
  { parallelSends = 100, parallelOpens = 20 }: ConversationsContractOptions = {},
): void {
  describe(`Conversations contract: ${name}`, () => {
    const ctx = new ContractContext(setup);
    describeGroups(ctx, parallelOpens);
    describeMessages(ctx);
    describeMessagesSince(ctx);
    describeInbox(ctx);
    describeConcurrency(ctx, parallelSends, parallelOpens);
    describeRetries(ctx, parallelOpens);
  });
}
