import { InvalidReadMarkerError, MessageGroupNotFoundError } from '../domain/errors.js';
import { type Instant, normalizeInstant } from '../domain/instant.js';
import { isMember } from '../domain/message.js';
import type { Conversations } from '../ports/conversations.js';
import type { MessageEvents } from '../ports/message-events.js';
import type { ReadMarkers } from '../ports/read-markers.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { readPosition } from './read-position.js';
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
 * message, so a clock ahead of ours cannot mark future messages read. Read state is the
 * effective one (`read-position.ts`: the stored marker or the caller's own latest message,
 * whichever is later), so a target at or before it writes nothing; repeating the call writes
 * nothing and announces nothing. Calls: the stored marker, the messages after it (newest
 * first, up to the caller's own latest), and the forward-only write when it moves: 3.
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
    const marker = await readMarkers.markerOf(caller.uuid, groupUuid);
    const position = await readPosition(caller.uuid, marker, readMarkers.sendsAfter(groupUuid, marker));
    const latest = position.latestAt;
    // Nothing after the stored marker: it already covers every message.
    if (latest === null) return { groupUuid, lastReadAt: position.lastReadAt, unreadCount: 0 };
    const target = upToInstant === null || upToInstant > latest ? latest : upToInstant;
    if (position.lastReadAt !== null && target <= position.lastReadAt) {
      return { groupUuid, lastReadAt: position.lastReadAt, unreadCount: position.unreadAfter(position.lastReadAt) };
    }
    const { lastReadAt, moved } = await readMarkers.advance(caller.uuid, groupUuid, target);
    if (moved) {
      // Not awaited and never failing the call: the marker is stored; a lost event only
      // delays the other tabs until their next inbox read.
      events
        ?.publishRead({ groupUuid, reader: { uuid: caller.uuid, handle: caller.handle }, lastReadAt }, members)
        .catch(() => {});
    }
    return { groupUuid, lastReadAt, unreadCount: position.unreadAfter(lastReadAt) };
  }
}
