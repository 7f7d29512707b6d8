/**
 * A UTC time as fixed-width ISO-8601 with microseconds: `2026-11-24T05:00:00.123456+00:00`.
 * Fixed width makes string order equal time order, which DynamoDB sort keys rely on.
 */
export type Instant = string;

const FIXED_WIDTH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const ANY_ISO =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Date.parse rolls impossible dates over (Feb 30 → Mar 2); a round trip catches them. */
const isRealDateTime = (date: string, time: string): boolean => {
  const millis = Date.parse(`${date}T${time}Z`);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 19) === `${date}T${time}`;
};

export const isInstant = (value: string): boolean =>
  FIXED_WIDTH.test(value) && isRealDateTime(value.slice(0, 10), value.slice(11, 19));

/** BigInt division rounds toward zero; times before 1970 need it rounded down. */
const floorDiv = (a: bigint, b: bigint): bigint => (a % b < 0n ? a / b - 1n : a / b);

export const instantFromEpochMicros = (micros: bigint): Instant => {
  const seconds = floorDiv(micros, 1_000_000n);
  const fraction = (micros - seconds * 1_000_000n).toString().padStart(6, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}+00:00`;
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
  const [, date = '', time = '', fraction = '', offset = 'Z'] = match;
  if (!isRealDateTime(date, time)) return null;
  const zone = offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const millis = Date.parse(`${date}T${time}${zone}`);
  if (Number.isNaN(millis)) return null;
  const micros = BigInt(millis) * 1000n + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  return instantFromEpochMicros(micros);
};
