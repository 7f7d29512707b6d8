import { describe, expect, it } from 'vitest';
import {
  epochMicrosOf,
  instantFromEpochMicros,
  isInstant,
  nextMicrosecond,
  normalizeInstant,
} from '../src/index.js';

describe('normalizeInstant', () => {
  it.each([
    ['with +00:00 and no fraction', '2023-03-22T04:00:00+00:00', '2023-03-22T04:00:00.000000+00:00'],
    ['with microseconds and +00:00', '2023-03-22T04:00:00.123456+00:00', '2023-03-22T04:00:00.123456+00:00'],
    [
      'naive, space-separated (Python str(datetime))',
      '2023-03-22 04:00:00.123456',
      '2023-03-22T04:00:00.123456+00:00',
    ],
    ['with Z', '2023-03-22T04:00:00Z', '2023-03-22T04:00:00.000000+00:00'],
    ['naive, no fraction', '2023-03-22T04:00:00', '2023-03-22T04:00:00.000000+00:00'],
    [
      'with milliseconds and Z (JavaScript toISOString)',
      '2023-03-22T04:00:00.123Z',
      '2023-03-22T04:00:00.123000+00:00',
    ],
    ['with another offset', '2023-03-22T06:30:00.5+02:30', '2023-03-22T04:00:00.500000+00:00'],
    ['with an offset without colon', '2023-03-21T23:00:00-0500', '2023-03-22T04:00:00.000000+00:00'],
    [
      'with nanoseconds (cut to microseconds)',
      '2023-03-22T04:00:00.123456789Z',
      '2023-03-22T04:00:00.123456+00:00',
    ],
    ['with spaces around', '  2023-03-22T04:00:00Z ', '2023-03-22T04:00:00.000000+00:00'],
  ])('reads a time %s', (_, raw, expected) => {
    expect(normalizeInstant(raw)).toBe(expected);
  });

  it('crosses midnight and the year when the offset says so', () => {
    expect(normalizeInstant('2026-01-01T01:00:00+02:00')).toBe('2025-12-31T23:00:00.000000+00:00');
  });

  it('leaves an already fixed-width instant unchanged', () => {
    const fixed = '2026-11-24T05:00:00.123456+00:00';
    expect(normalizeInstant(fixed)).toBe(fixed);
  });

  it.each([
    '',
    'yesterday',
    '2023-03-22',
    '04:00:00',
    '2023-03-22T4:00:00Z',
    '2023-13-01T00:00:00Z',
    '2023-03-22T04:60:00Z',
    '2023-03-22T04:00:00+2',
  ])('answers null for %j, which is not a time', (raw) => {
    expect(normalizeInstant(raw)).toBeNull();
  });
});

describe('fixed-width instants', () => {
  it('recognises only the fixed-width form', () => {
    expect(isInstant('2026-11-24T05:00:00.123456+00:00')).toBe(true);
    for (const variant of [
      '2026-11-24T05:00:00+00:00',
      '2026-11-24T05:00:00.123456Z',
      '2026-11-24 05:00:00.123456',
    ]) {
      expect(isInstant(variant), variant).toBe(false);
    }
  });

  it('converts to and from epoch microseconds without losing a microsecond', () => {
    const instant = '2026-11-24T05:00:00.123456+00:00';
    expect(epochMicrosOf(instant)).toBe(BigInt(Date.UTC(2026, 10, 24, 5)) * 1000n + 123_456n);
    expect(instantFromEpochMicros(epochMicrosOf(instant))).toBe(instant);
    expect(instantFromEpochMicros(0n)).toBe('1970-01-01T00:00:00.000000+00:00');
  });

  it('steps one microsecond, carrying into the next second and the next year', () => {
    expect(nextMicrosecond('2026-01-01T00:00:00.000000+00:00')).toBe('2026-01-01T00:00:00.000001+00:00');
    expect(nextMicrosecond('2026-01-01T00:00:00.999999+00:00')).toBe('2026-01-01T00:00:01.000000+00:00');
    expect(nextMicrosecond('2025-12-31T23:59:59.999999+00:00')).toBe('2026-01-01T00:00:00.000000+00:00');
  });

  it('sorts as strings in time order, which DynamoDB sort keys rely on', () => {
    const times = [
      '2023-03-22 04:00:00.5',
      '2023-03-22T04:00:00Z',
      '2023-03-22T04:00:00.000001+00:00',
      '2023-03-22T05:59:59+02:00',
      '2024-01-01T00:00:00',
    ];
    const instants = times.map((raw) => normalizeInstant(raw) ?? 'invalid');
    const byTime = [...instants].sort((a, b) => Number(epochMicrosOf(a) - epochMicrosOf(b)));
    expect([...instants].sort()).toEqual(byTime);
  });
});

describe('impossible and early times', () => {
  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(normalizeInstant('2023-02-30 00:00:00')).toBeNull();
    expect(normalizeInstant('2023-02-29T00:00:00Z')).toBeNull();
    expect(normalizeInstant('2023-03-22T24:00:00+00:00')).toBeNull();
    expect(isInstant('2023-02-30T00:00:00.000000+00:00')).toBe(false);
  });

  it('formats times before 1970 with a positive fraction', () => {
    expect(instantFromEpochMicros(-1n)).toBe('1969-12-31T23:59:59.999999+00:00');
    expect(normalizeInstant('1969-12-31T23:59:59.5Z')).toBe('1969-12-31T23:59:59.500000+00:00');
  });
});
