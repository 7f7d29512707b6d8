import {
  CreateMessage,
  type Instant,
  ListMessageGroups,
  ListMessages,
  MarkRead,
  type Message,
  type User,
  UsersShort,
} from '@cruddur/core';
import {
  InMemoryConversations,
  InMemoryMessageEvents,
  InMemoryReadMarkers,
  InMemoryUserDirectory,
  SequentialIdGenerator,
  SteppingClock,
} from '../../src/index.js';

/** Ids the use cases generate (groups, then messages, in call order) start with this. */
export const GENERATED = 'b0000000-0000-4000-8000-';
export const generated = (n: number): string => `${GENERATED}${n.toString(16).padStart(12, '0')}`;

/**
 * The use cases wired on the memory adapters with a clock that ticks one second per reading
 * (from 2026-01-01T00:00:00Z) and sequential ids, so every uuid and time is predictable.
 */
export const aWorld = () => {
  const users = new InMemoryUserDirectory({ ids: new SequentialIdGenerator({ prefix: 'a0000000' }) });
  const conversations = new InMemoryConversations();
  const deps = {
    users,
    conversations,
    readMarkers: new InMemoryReadMarkers(conversations),
    events: new InMemoryMessageEvents(),
    clock: new SteppingClock('2026-01-01T00:00:00Z'),
    ids: new SequentialIdGenerator({ prefix: 'b0000000' }),
  };
  const createMessage = new CreateMessage(deps);

  /** A registered user whose token subject is `sub-<handle>`. */
  const aUser = (handle: string, displayName = handle.toUpperCase()): Promise<User> =>
    users.create({ handle, displayName, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });

  const start = (from: User, handle: string, message: string): Promise<Message> =>
    createMessage.execute({ mode: 'create', callerSub: subOf(from), handle, message });

  const reply = (from: User, groupUuid: string, message: string): Promise<Message> =>
    createMessage.execute({ mode: 'update', callerSub: subOf(from), groupUuid, message });

  return {
    users,
    conversations,
    createMessage,
    // Not the stepping clock, which dates sends: the inbox reads the wall clock for its cache.
    listMessageGroups: new ListMessageGroups({ users, conversations, readMarkers: deps.readMarkers }),
    listMessages: new ListMessages(deps),
    markRead: new MarkRead(deps),
    events: deps.events,
    usersShort: new UsersShort(deps),
    aUser,
    start,
    reply,
    /** Everything stored for a user: their inbox rows, to prove a failure wrote nothing. */
    storedFor: (user: User) => conversations.storedInboxRows(user.uuid),
  };
};

export const subOf = (user: User): string => user.cognitoUserId ?? `unlinked-${user.handle}`;

/** The time of the clock's n-th reading (0-based). */
export const tick = (n: number): Instant => `2026-01-01T00:00:${n.toString().padStart(2, '0')}.000000+00:00`;
