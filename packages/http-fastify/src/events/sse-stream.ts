import type { ServerResponse } from 'node:http';

/** Headers as Fastify's reply holds them (hooks may have set CORS or security headers). */
type Headers = Readonly<Record<string, string | number | string[] | undefined>>;

export interface SseStreamOptions {
  /** A comment line at this interval keeps proxies from timing the stream out. */
  readonly heartbeatMs: number;
  /** Bytes a client may leave unread before it is disconnected. */
  readonly maxBufferedBytes: number;
  /** When the stream ends on its own (the token's expiry), epoch ms. */
  readonly endsAt: number;
  /** Tells a client's EventSource how soon to reconnect after the stream ends. */
  readonly retryMs: number;
}

/** setTimeout fires at once past 2^31-1 ms; no token lives that long, but clamp anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One Server-Sent Events response. Writes go to the socket at once; when the client stops
 * reading, Node buffers them, and past `maxBufferedBytes` the stream is cut rather than
 * buffered without bound (the client reconnects and resumes from its last event id).
 */
export class SseStream {
  readonly #closeListeners: Array<() => void> = [];
  readonly #timers: NodeJS.Timeout[] = [];
  #closed = false;
  #opened = false;

  constructor(
    private readonly raw: ServerResponse,
    private readonly options: SseStreamOptions,
  ) {
    raw.once('close', () => this.#onClose());
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends the status line and headers (plus the ones hooks set), then the retry hint. */
  open(headers: Headers): void {
    this.#opened = true;
    this.raw.socket?.setNoDelay(true);
    const set = Object.entries(headers).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    this.raw.writeHead(200, {
      ...Object.fromEntries(set),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    this.#write(`retry: ${this.options.retryMs}\n\n`);
    this.#timers.push(setInterval(() => this.#write(':\n\n'), this.options.heartbeatMs));
    const endIn = Math.min(MAX_TIMER_MS, Math.max(0, this.options.endsAt - Date.now()));
    this.#timers.push(setTimeout(() => this.end(), endIn));
  }

  /** One event. JSON never holds a raw line break, so `data` is always one line. */
  send(event: string, data: unknown, id?: string): void {
    this.#write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /**
   * Ends the response cleanly; the client's EventSource reconnects. Before `open` it only
   * marks the stream closed: the route has not taken the response over yet.
   */
  end(): void {
    if (!this.#closed && this.#opened) this.raw.end();
    this.#onClose();
  }

  onClose(listener: () => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  #write(chunk: string): void {
    if (this.#closed) return;
    this.raw.write(chunk);
    // write() returning false only says the kernel buffer is full; what counts is how much
    // the client has left unread in total.
    if (this.raw.writableLength > this.options.maxBufferedBytes) {
      this.raw.destroy();
      this.#onClose();
    }
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    for (const listener of this.#closeListeners.splice(0)) listener();
  }
}
