import { type Clock, epochMicrosOf, type Instant, instantFromEpochMicros } from '@cruddur/core';
import { DEFAULT_START, type Step, toInstant, toMicros } from './instant-input.js';

/** A clock that stands still until the test moves it. */
export class FixedClock implements Clock {
  #now: Instant;

  constructor(start: string = DEFAULT_START) {
    this.#now = toInstant(start);
  }

  now(): Instant {
    return this.#now;
  }

  set(instant: string): void {
    this.#now = toInstant(instant);
  }

  advance(step: Step): Instant {
    this.#now = instantFromEpochMicros(epochMicrosOf(this.#now) + toMicros(step));
    return this.#now;
  }
}
