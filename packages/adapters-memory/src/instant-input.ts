import { type Instant, normalizeInstant } from '@cruddur/core';

/** 2026-01-01T00:00:00Z, the same origin as core's `anInstant()` test builder. */
export const DEFAULT_START: Instant = '2026-01-01T00:00:00.000000+00:00';

/** Accepts any variant `normalizeInstant` reads, so tests can write `'2026-01-01T00:00:00Z'`. */
export const toInstant = (value: string): Instant => {
  const instant = normalizeInstant(value);
  if (instant === null) throw new RangeError(`Not a time: ${value}`);
  return instant;
};

export interface Step {
  readonly seconds?: number;
  readonly micros?: number;
}

export const toMicros = ({ seconds = 0, micros = 0 }: Step): bigint => {
  if (!Number.isInteger(micros)) throw new RangeError('micros must be an integer.');
  return BigInt(Math.round(seconds * 1_000_000)) + BigInt(micros);
};
