import { InvalidReadMarkerError, MessageGroupNotFoundError } from '../domain/errors.js';
import { type Instant, normalizeInstant } from '../domain/instant.js';
import { isMember } from '../domain/message.js';
import type { Conversations } from '../ports/conversations.js';
import type { MessageEvents } from '../ports/message-events.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { resolveCaller } from './resolve-caller.js';

export interface MarkReadInput {
  readonly callerSub: string;
  readonly groupUuid: string;
  /** Read up to this instant (any ISO-8601 spelling); absent: up to the latest message. */
  readonly upTo?: string | undefined;
}

export interface ReadState {
  readonly groupUuid: string;
  readonly lastReadAt: Instant | null;
  readonly unreadCount: number;
}

/**
 * Moves the caller's read marker forward. The target is never later than the group's latest
 * message, so a clock ahead of ours cannot mark future messages read. Repeating the call
 * writes nothing and announces nothing.
 */
export class MarkRead {
  constructor(
    private readonly deps: {
      users: UserDirectory;
      conversations: Conversations;
      readMarkers: ReadMarkers;
      events?: MessageEvents;
    },
  ) {}

  async execute({ callerSub, groupUuid, upTo }: MarkReadInput): Promise<ReadState> {
    const upToInstant = upTo === undefined ? null : normalizeInstant(upTo);
    if (upTo !== undefined && upToInstant === null) throw new InvalidReadMarkerError();
    const { users, conversations, readMarkers, events } = this.deps;
    const caller = await resolveCaller(users, callerSub);
    const members = await conversations.findGroupMembers(groupUuid, caller.uuid);
    if (!members || !isMember(members, caller.uuid)) throw new MessageGroupNotFoundError(groupUuid);
    const latest = (await conversations.listMessages(groupUuid, { limit: 1, cursor: null })).items.at(-1);
    if (!latest) {
      // Nothing to read yet: report the marker as it is.
      const lastReadAt = (await readMarkers.markersOf(caller.uuid)).get(groupUuid) ?? null;
      return { groupUuid, lastReadAt, unreadCount: 0 };
    }
    const target = upToInstant === null || upToInstant > latest.createdAt ? latest.createdAt : upToInstant;
    const { lastReadAt, moved } = await readMarkers.advance(caller.uuid, groupUuid, target);
    const unreadCount =
      lastReadAt >= latest.createdAt ? 0 : await readMarkers.countUnread(caller.uuid, groupUuid, lastReadAt);
    if (moved) {
      // Not awaited and never failing the call: the marker is stored; a lost event only
      // delays the other tabs until their next inbox read.
      events
        ?.publishRead({ groupUuid, reader: { uuid: caller.uuid, handle: caller.handle }, lastReadAt }, members)
        .catch(() => {});
    }
    return { groupUuid, lastReadAt, unreadCount };
  }
}
