import { instantFromEpochMicros, type Instant } from '../domain/instant.js';
import type { Clock } from '../ports/clock.js';

/** Wall-clock time with microseconds (Date alone only has milliseconds). */
export class SystemClock implements Clock {
  now(): Instant {
    const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    return instantFromEpochMicros(BigInt(micros));
  }
}
