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
  /**
   * False for an adapter whose calls never yield part-way (in process memory): calls fired at
   * once then run one after another, so the concurrency tests can prove only same-instant
   * handling on it, and their names say so instead of claiming a race. Default true.
   */
  readonly interleaves?: boolean;
}

/** Run by every `Conversations` adapter: `runConversationsContract('dynalite', async () => ...)`. */
export function runConversationsContract(
  name: string,
  setup: () => Promise<ConversationsHarness>,
  { parallelSends = 100, parallelOpens = 20, interleaves = true }: ConversationsContractOptions = {},
): void {
  describe(`Conversations contract: ${name}`, () => {
    const ctx = new ContractContext(setup);
    describeGroups(ctx, parallelOpens);
    describeMessages(ctx);
    describeMessagesSince(ctx);
    describeInbox(ctx);
    describeConcurrency(ctx, parallelSends, parallelOpens, interleaves);
    describeRetries(ctx, parallelOpens);
  });
}
