import type { Message } from '../../domain/message.js';
import type { Participant } from '../../domain/user.js';
import type { MessageEvents } from '../../ports/message-events.js';

/** One subscription's deliveries, de-duplicated by uuid (delivery is at least once). */
export interface Inbox {
  readonly received: readonly Message[];
  /** Waits until `count` messages have come (5 s at most), then returns all of them. */
  next(count: number): Promise<readonly Message[]>;
  close(): void;
}

const WAIT_MS = 5_000;

export function listen(events: MessageEvents, user: Participant): Inbox {
  const received: Message[] = [];
  const subscription = events.subscribe(user.uuid, {
    message: (message) => {
      if (!received.some((m) => m.uuid === message.uuid)) received.push(message);
    },
    lost: () => {},
  });
  return {
    received,
    next: async (count) => {
      const deadline = Date.now() + WAIT_MS;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return [...received];
    },
    close: () => subscription.close(),
  };
}
