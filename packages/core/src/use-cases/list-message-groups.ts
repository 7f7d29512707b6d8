import type { InboxEntry, InboxEntryWithReadState } from '../domain/message.js';
import type { Page } from '../domain/page.js';
import type { Conversations } from '../ports/conversations.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { type PageInput, toPageRequest } from './page-input.js';
import { resolveCaller } from './resolve-caller.js';

export interface ListMessageGroupsInput extends PageInput {
  readonly callerSub: string;
}

/**
 * The caller's inbox: one entry per conversation, latest activity first, each with the
 * caller's read marker and unread count. The page and the markers are read at once; only
 * entries whose last message is after the marker need their unread messages counted.
 */
export class ListMessageGroups {
  constructor(
    private readonly deps: { users: UserDirectory; conversations: Conversations; readMarkers: ReadMarkers },
  ) {}

  async execute(input: ListMessageGroupsInput): Promise<Page<InboxEntryWithReadState>> {
    const page = toPageRequest(input);
    const caller = await resolveCaller(this.deps.users, input.callerSub);
    const [inbox, markers] = await Promise.all([
      this.deps.conversations.listInbox(caller.uuid, page),
      this.deps.readMarkers.markersOf(caller.uuid),
    ]);
    const items = await Promise.all(
      inbox.items.map((entry) => this.#withReadState(caller.uuid, entry, markers.get(entry.groupUuid) ?? null)),
    );
    return { items, nextCursor: inbox.nextCursor };
  }

  async #withReadState(
    ownerUuid: string,
    entry: InboxEntry,
    lastReadAt: string | null,
  ): Promise<InboxEntryWithReadState> {
    const caughtUp = lastReadAt !== null && lastReadAt >= entry.lastMessageAt;
    const unreadCount = caughtUp ? 0 : await this.deps.readMarkers.countUnread(ownerUuid, entry.groupUuid, lastReadAt);
    return { ...entry, lastReadAt, unreadCount };
  }
}
