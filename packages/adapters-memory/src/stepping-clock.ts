import { type Clock, epochMicrosOf, type Instant, instantFromEpochMicros } from '@cruddur/core';
import { DEFAULT_START, type Step, toInstant, toMicros } from './instant-input.js';

/**
 * A clock that moves forward by `step` (default one second) after each reading, so every
 * message of a scripted conversation gets its own, predictable time.
 */
export class SteppingClock implements Clock {
  #next: bigint;
  readonly #step: bigint;

  constructor(start: string = DEFAULT_START, step: Step = { seconds: 1 }) {
    this.#next = epochMicrosOf(toInstant(start));
    this.#step = toMicros(step);
    if (this.#step <= 0n) throw new RangeError('A stepping clock must move forward.');
  }

  now(): Instant {
    const now = instantFromEpochMicros(this.#next);
    this.#next += this.#step;
    return now;
  }
}
