import {
  type GroupMembers,
  ListenersByUser,
  type Message,
  type MessageEvents,
  type MessageListener,
  type MessageSubscription,
  type ReadMarkerMoved,
} from '@cruddur/core';

/**
 * Fan-out inside one process: every subscriber of either member hears a message as soon as
 * it is published. Enough for one host; several hosts need a shared one (PostgreSQL).
 */
export class InMemoryMessageEvents implements MessageEvents {
  readonly #listeners = new ListenersByUser<MessageListener>();

  async publish(message: Message, members: GroupMembers): Promise<void> {
    this.#tell(members, (listener) => listener.message(message));
  }

  async publishRead(read: ReadMarkerMoved, members: GroupMembers): Promise<void> {
    this.#tell(members, (listener) => listener.read?.(read));
  }

  #tell(members: GroupMembers, deliver: (listener: MessageListener) => void): void {
    for (const listener of this.#listeners.of(members)) {
      try {
        deliver(listener);
      } catch {
        // One broken subscriber must not keep the event from the others.
      }
    }
  }

  subscribe(userUuid: string, listener: MessageListener): MessageSubscription {
    return this.#listeners.add(userUuid, listener);
  }
}
