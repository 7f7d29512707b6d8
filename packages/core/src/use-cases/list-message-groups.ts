import type { InboxEntry, InboxEntryWithReadState } from '../domain/message.js';
import type { Page } from '../domain/page.js';
import type { Clock } from '../ports/clock.js';
import type { Conversations } from '../ports/conversations.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { SystemClock } from '../runtime/system-clock.js';
import { type PageInput, toPageRequest } from './page-input.js';
import { readPosition, readStateFromInbox } from './read-position.js';
import { ReadStateCache } from './read-state-cache.js';
import { resolveCaller } from './resolve-caller.js';

export interface ListMessageGroupsInput extends PageInput {
  readonly callerSub: string;
}

/**
 * The caller's inbox: one entry per conversation, latest activity first, each with the
 * caller's effective read marker and unread count (`read-position.ts`). The page and the
 * markers are read at once. An entry whose last message is the caller's own, or not after
 * the marker, needs nothing more; any other reads the messages after the marker once, and
 * its answer is remembered (`ReadStateCache`) once that message is older than the settle
 * window. So a warm inbox (every entry answered that way) costs those two parallel reads.
 */
export class ListMessageGroups {
  readonly #cache: ReadStateCache;

  constructor(
    private readonly deps: {
      users: UserDirectory;
      conversations: Conversations;
      readMarkers: ReadMarkers;
      clock?: Clock;
      cache?: ReadStateCache;
    },
  ) {
    const clock = deps.clock ?? SYSTEM_CLOCK;
    this.#cache = deps.cache ?? new ReadStateCache({ now: () => Date.parse(clock.now()) });
  }

  async execute(input: ListMessageGroupsInput): Promise<Page<InboxEntryWithReadState>> {
    const page = toPageRequest(input);
    const caller = await resolveCaller(this.deps.users, input.callerSub);
    const [inbox, markers] = await Promise.all([
      this.deps.conversations.listInbox(caller.uuid, page),
      this.deps.readMarkers.markersOf(caller.uuid),
    ]);
    const items = await Promise.all(
      inbox.items.map((entry) =>
        this.#withReadState(caller.uuid, entry, markers.get(entry.groupUuid) ?? null),
      ),
    );
    return { items, nextCursor: inbox.nextCursor };
  }

  async #withReadState(
    ownerUuid: string,
    entry: InboxEntry,
    marker: string | null,
  ): Promise<InboxEntryWithReadState> {
    const known = readStateFromInbox(ownerUuid, entry, marker);
    if (known) return { ...entry, ...known };
    const key = ReadStateCache.key(ownerUuid, entry.groupUuid, marker, entry.lastMessageAt);
    const cached = this.#cache.get(key);
    if (cached) return { ...entry, ...cached };
    const position = await readPosition(
      ownerUuid,
      marker,
      this.deps.readMarkers.sendsAfter(entry.groupUuid, marker),
    );
    const state = { lastReadAt: position.lastReadAt, unreadCount: position.unreadAfter(position.lastReadAt) };
    this.#cache.remember(key, entry.lastMessageAt, state);
    return { ...entry, ...state };
  }
}

const SYSTEM_CLOCK = new SystemClock();
