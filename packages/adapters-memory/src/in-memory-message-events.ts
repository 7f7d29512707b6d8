import {
  type GroupMembers,
  ListenersByUser,
  type Message,
  type MessageEvents,
  type MessageListener,
  type MessageSubscription,
} from '@cruddur/core';

/**
 * Fan-out inside one process: every subscriber of either member hears a message as soon as
 * it is published. Enough for one host; several hosts need a shared one (PostgreSQL).
 */
export class InMemoryMessageEvents implements MessageEvents {
  readonly #listeners = new ListenersByUser<MessageListener>();

  async publish(message: Message, members: GroupMembers): Promise<void> {
    for (const listener of this.#listeners.of(members)) {
      try {
        listener.message(message);
      } catch {
        // One broken subscriber must not keep the message from the others.
      }
    }
  }

  subscribe(userUuid: string, listener: MessageListener): MessageSubscription {
    return this.#listeners.add(userUuid, listener);
  }
}
