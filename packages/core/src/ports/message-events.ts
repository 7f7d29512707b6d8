import type { GroupMembers, Message, ReadMarkerMoved } from '../domain/message.js';

/** What a subscriber is told. Delivery is at least once: the same message may come twice. */
export interface MessageListener {
  /** A message stored in one of the user's groups (their own sends included). */
  message(message: Message): void;
  /** A member of one of the user's groups (the user included) moved their read marker. */
  read?(read: ReadMarkerMoved): void;
  /**
   * Announcements may have been missed (the fan-out lost its connection). The subscriber
   * should catch up from its stored history, e.g. by closing its stream so the client resumes.
   */
  lost(): void;
}

export interface MessageSubscription {
  close(): void;
}

/**
 * Tells every host that a message was stored (PostgreSQL LISTEN/NOTIFY in production). A
 * lost announcement is never fatal: the messages are in `Conversations`, and a resuming
 * reader reads them from there.
 */
export interface MessageEvents {
  /** Announces a stored message to both members' subscribers on every host. */
  publish(message: Message, members: GroupMembers): Promise<void>;
  /** Announces a moved read marker to both members' subscribers on every host. */
  publishRead(read: ReadMarkerMoved, members: GroupMembers): Promise<void>;
  /** Listens for messages in the user's groups until `close()`; effective on return. */
  subscribe(userUuid: string, listener: MessageListener): MessageSubscription;
}
