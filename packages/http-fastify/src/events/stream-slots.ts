export interface StreamLimits {
  readonly perUser: number;
  readonly perHost: number;
}

/**
 * Open streams on this host, per user and in total. Every stream holds a socket and a
 * subscription until the client goes, so both are bounded; `closeAll` ends them on shutdown.
 */
export class StreamSlots {
  readonly #byUser = new Map<string, Set<() => void>>();
  #total = 0;

  constructor(private readonly limits: StreamLimits) {}

  /** A slot for a stream that `end` closes, or the limit that is full. */
  take(userUuid: string, end: () => void): { release: () => void } | { full: 'user' | 'host' } {
    const mine = this.#byUser.get(userUuid) ?? new Set();
    if (this.#total >= this.limits.perHost) return { full: 'host' };
    if (mine.size >= this.limits.perUser) return { full: 'user' };
    mine.add(end);
    this.#byUser.set(userUuid, mine);
    this.#total += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        mine.delete(end);
        this.#total -= 1;
        if (mine.size === 0) this.#byUser.delete(userUuid);
      },
    };
  }

  get open(): number {
    return this.#total;
  }

  closeAll(): void {
    for (const ends of [...this.#byUser.values()]) for (const end of [...ends]) end();
  }
}
