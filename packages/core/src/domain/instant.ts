/**
 * A UTC time as fixed-width ISO-8601 with microseconds: `2026-11-24T05:00:00.123456+00:00`.
 * Fixed width makes string order equal time order, which DynamoDB sort keys rely on.
 */
export type Instant = string;

const FIXED_WIDTH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const ANY_ISO =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

export const isInstant = (value: string): boolean => FIXED_WIDTH.test(value);

export const instantFromEpochMicros = (micros: bigint): Instant => {
  const millis = micros / 1000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  const seconds = new Date(Number(millis)).toISOString().slice(0, 19);
  return `${seconds}.${fraction}+00:00`;
};

export const epochMicrosOf = (instant: Instant): bigint => {
  const millis = BigInt(Date.parse(`${instant.slice(0, 19)}Z`));
  return millis * 1000n + BigInt(instant.slice(20, 26));
};

/** The instant one microsecond later: how a colliding sort key is made unique. */
export const nextMicrosecond = (instant: Instant): Instant =>
  instantFromEpochMicros(epochMicrosOf(instant) + 1n);

/**
 * Reads the timestamp variants the original system wrote (no fraction, `+00:00`, `Z`,
 * naive UTC, other offsets) into the fixed-width form. Returns null when it is not a time.
 */
export const normalizeInstant = (raw: string): Instant | null => {
  const match = ANY_ISO.exec(raw.trim());
  if (!match) return null;
  const [, date, time, fraction = '', offset = 'Z'] = match;
  const zone = offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const millis = Date.parse(`${date}T${time}${zone}`);
  if (Number.isNaN(millis)) return null;
  const micros = BigInt(millis) * 1000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  return instantFromEpochMicros(micros);
};
