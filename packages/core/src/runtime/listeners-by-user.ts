import type { MessageSubscription } from '../ports/message-events.js';

/**
 * The subscribers of a `MessageEvents` adapter, per user: what every fan-out (one process or
 * many) keeps the same way. A user's set goes when its last listener does, so an idle host
 * holds nothing for users who left.
 */
export class ListenersByUser<L> {
  readonly #byUser = new Map<string, Set<L>>();

  add(userUuid: string, listener: L): MessageSubscription {
    let listeners = this.#byUser.get(userUuid);
    if (!listeners) {
      listeners = new Set();
      this.#byUser.set(userUuid, listeners);
    }
    const own = listeners;
    own.add(listener);
    return {
      close: () => {
        own.delete(listener);
        if (own.size === 0 && this.#byUser.get(userUuid) === own) this.#byUser.delete(userUuid);
      },
    };
  }

  /** Everyone listening to any of these users, each once. */
  of(userUuids: Iterable<string>): L[] {
    const found = new Set<L>();
    for (const user of new Set(userUuids)) for (const listener of this.#byUser.get(user) ?? []) found.add(listener);
    return [...found];
  }

  all(): L[] {
    return [...this.#byUser.values()].flatMap((listeners) => [...listeners]);
  }
}
