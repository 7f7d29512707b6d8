import type { GroupMembers, Message, MessageEvents, MessageListener, MessageSubscription } from '@cruddur/core';

/**
 * Fan-out inside one process: every subscriber of either member hears a message as soon as
 * it is published. Enough for one host; several hosts need a shared one (PostgreSQL).
 */
export class InMemoryMessageEvents implements MessageEvents {
  readonly #listeners = new Map<string, Set<MessageListener>>();

  async publish(message: Message, members: GroupMembers): Promise<void> {
    for (const member of new Set(members)) {
      for (const listener of this.#listeners.get(member) ?? []) {
        try {
          listener.message(message);
        } catch {
          // One broken subscriber must not keep the message from the others.
        }
      }
    }
  }

  subscribe(userUuid: string, listener: MessageListener): MessageSubscription {
    let listeners = this.#listeners.get(userUuid);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(userUuid, listeners);
    }
    listeners.add(listener);
    return {
      close: () => {
        listeners.delete(listener);
        if (listeners.size === 0 && this.#listeners.get(userUuid) === listeners) this.#listeners.delete(userUuid);
      },
    };
  }
}
