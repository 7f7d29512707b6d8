/**
 * Work a send hands off once its message row is stored: finishing or tidying inbox rows.
 * Bounded (at most `maxPending` tasks; beyond that a task is dropped, and the next send to
 * the group or `repair` converges it), coalesced by key (a task already waiting for the same
 * key is not queued twice), retried with backoff, and drained by `drain()`/`close()`.
 */
export interface BackgroundRetriesOptions {
  readonly maxPending?: number;
  /** Pauses before each retry of a failing task; after the last one it is given up. */
  readonly backoffMs?: readonly number[];
  /** Told about a task given up or dropped (the host logs it). */
  readonly onGiveUp?: (key: string, error: unknown) => void;
}

interface Entry {
  readonly run: () => Promise<void>;
  readonly backoffMs: readonly number[];
  attempt: number;
  timer: NodeJS.Timeout | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class BackgroundRetries {
  private readonly waiting = new Map<string, Entry>();
  private readonly running = new Set<Promise<void>>();
  private readonly maxPending: number;
  private readonly backoffMs: readonly number[];
  private readonly onGiveUp: (key: string, error: unknown) => void;
  private closed = false;

  constructor({
    maxPending = 10_000,
    backoffMs = [100, 400, 1600, 5000],
    onGiveUp = () => {},
  }: BackgroundRetriesOptions = {}) {
    this.maxPending = maxPending;
    this.backoffMs = backoffMs;
    this.onGiveUp = onGiveUp;
  }

  /**
   * Runs `run` after `delayMs` unless a task with this key is already waiting; a failing run
   * is retried after each pause of `backoffMs` (default: the queue's), then given up.
   */
  schedule(key: string, run: () => Promise<void>, delayMs = 0, backoffMs = this.backoffMs): void {
    if (this.waiting.has(key)) return;
    if (this.closed || this.waiting.size + this.running.size >= this.maxPending) {
      this.onGiveUp(key, new Error('background retry queue full or closed'));
      return;
    }
    const entry: Entry = { run, backoffMs, attempt: 0, timer: null };
    this.waiting.set(key, entry);
    this.arm(key, entry, delayMs);
  }

  /** Resolves once nothing waits or runs; waiting tasks start now instead of after their pause. */
  async drain(): Promise<void> {
    while (this.waiting.size > 0 || this.running.size > 0) {
      for (const [key, entry] of this.waiting) {
        if (entry.timer !== null) {
          clearTimeout(entry.timer);
          this.start(key, entry);
        }
      }
      await Promise.race([...this.running, pause(10)]);
    }
  }

  /** Stops taking work and finishes what is queued (the host calls this on shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private arm(key: string, entry: Entry, delayMs: number): void {
    entry.timer = setTimeout(() => this.start(key, entry), delayMs);
    entry.timer.unref();
  }

  private start(key: string, entry: Entry): void {
    entry.timer = null;
    this.waiting.delete(key);
    const running: Promise<void> = entry
      .run()
      .catch((error: unknown) => {
        const pauseMs = entry.backoffMs[entry.attempt];
        if (pauseMs === undefined || this.closed) return this.onGiveUp(key, error);
        entry.attempt += 1;
        if (this.waiting.has(key)) return; // a newer task for the key is already waiting
        this.waiting.set(key, entry);
        this.arm(key, entry, pauseMs);
      })
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }
}
