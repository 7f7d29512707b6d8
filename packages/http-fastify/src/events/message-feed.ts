import type { Message, MessageListener, ReadMarkerMoved } from '@cruddur/core';
import { createdMessageJson, readEventJson } from '../routes/presenters.js';
import { eventIdOf } from './event-id.js';
import type { SseStream } from './sse-stream.js';

/** Enough to catch every repeat at-least-once delivery and the replay seam can produce. */
const REMEMBERED_IDS = 10_000;

/**
 * The `message` events of one stream. Live messages that arrive while the missed ones are
 * still being read wait in a buffer; after the replay they follow, and any message sent
 * once is never sent again (the fan-out is at least once, and replay and live overlap).
 */
export class MessageFeed implements MessageListener {
  readonly #sent = new Set<string>();
  #buffered: Message[] | null = [];

  constructor(
    private readonly stream: SseStream,
    alreadyDelivered: string | null,
  ) {
    if (alreadyDelivered !== null) this.#sent.add(alreadyDelivered);
  }

  message(message: Message): void {
    if (this.#buffered) this.#buffered.push(message);
    else this.#send(message);
  }

  /** Read markers are not replayed on resume (the inbox has them): sent as they come, no id. */
  read(read: ReadMarkerMoved): void {
    this.stream.send('read', readEventJson(read));
  }

  /** The fan-out may have dropped messages: end the stream so the client resumes from the table. */
  lost(): void {
    this.stream.end();
  }

  /** Sends what the client missed, then what arrived meanwhile, and goes live. */
  replay(missed: readonly Message[]): void {
    for (const message of missed) this.#send(message);
    const buffered = this.#buffered ?? [];
    this.#buffered = null;
    for (const message of buffered) this.#send(message);
  }

  #send(message: Message): void {
    if (this.#sent.has(message.uuid)) return;
    this.#sent.add(message.uuid);
    if (this.#sent.size > REMEMBERED_IDS) {
      const oldest = this.#sent.values().next().value;
      if (oldest !== undefined) this.#sent.delete(oldest);
    }
    this.stream.send('message', createdMessageJson(message), eventIdOf(message));
  }
}
