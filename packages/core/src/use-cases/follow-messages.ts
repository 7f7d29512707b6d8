import { epochMicrosOf, type Instant, instantFromEpochMicros } from '../domain/instant.js';
import type { Message } from '../domain/message.js';
import type { Conversations } from '../ports/conversations.js';
import type { MessageEvents, MessageListener, MessageSubscription } from '../ports/message-events.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { resolveCaller } from './resolve-caller.js';

export interface FollowMessagesInput {
  readonly callerSub: string;
  /** Also return the messages stored at or after this instant (a resuming client's last one). */
  readonly since: Instant | null;
  /** At most this many missed messages are returned; `complete` says whether that was all. */
  readonly maxMissed: number;
  readonly listener: MessageListener;
}

export interface FollowedMessages {
  readonly subscription: MessageSubscription;
  /** Oldest first, across all the caller's groups. */
  readonly missed: readonly Message[];
  readonly complete: boolean;
}

const INBOX_PAGE = 50;
const SINCE_PAGE = 100;

/**
 * Live messages of the caller's groups, and the ones they missed since an instant. Subscribes
 * first and reads the table second, so a message stored meanwhile is in one or both (never
 * neither): the listener may hear a missed one again, and de-duplicates by uuid.
 */
export class FollowMessages {
  constructor(
    private readonly deps: { users: UserDirectory; conversations: Conversations; events: MessageEvents },
  ) {}

  async execute({ callerSub, since, maxMissed, listener }: FollowMessagesInput): Promise<FollowedMessages> {
    const caller = await resolveCaller(this.deps.users, callerSub);
    const subscription = this.deps.events.subscribe(caller.uuid, listener);
    if (since === null) return { subscription, missed: [], complete: true };
    try {
      const missed = await this.#missed(caller.uuid, since, maxMissed + 1);
      return { subscription, missed: missed.slice(0, maxMissed), complete: missed.length <= maxMissed };
    } catch (error) {
      subscription.close();
      throw error;
    }
  }

  /** Inbox rows come latest activity first: paging stops at the first group idle since `since`. */
  async #missed(userUuid: string, since: Instant, max: number): Promise<Message[]> {
    const { conversations } = this.deps;
    const after = instantFromEpochMicros(epochMicrosOf(since) - 1n);
    const missed: Message[] = [];
    let cursor: string | null = null;
    do {
      const page = await conversations.listInbox(userUuid, { limit: INBOX_PAGE, cursor });
      const active = page.items.filter((entry) => entry.lastMessageAt >= since);
      for (const entry of active) missed.push(...(await this.#since(entry.groupUuid, after, max)));
      cursor = active.length === page.items.length ? page.nextCursor : null;
    } while (cursor !== null);
    missed.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    return missed.slice(0, max);
  }

  async #since(groupUuid: string, after: Instant, max: number): Promise<Message[]> {
    const found: Message[] = [];
    let from = after;
    while (found.length < max) {
      const batch = await this.deps.conversations.listMessagesSince(groupUuid, from, SINCE_PAGE);
      found.push(...batch);
      const last = batch.at(-1);
      if (batch.length < SINCE_PAGE || !last) break;
      from = last.createdAt;
    }
    return found;
  }
}
