import { describe, expect, it } from 'vitest';
import { FixedClock } from '../src/index.js';

describe('FixedClock', () => {
  it('starts at 2026-01-01 by default and stands still', () => {
    const clock = new FixedClock();
    expect(clock.now()).toBe('2026-01-01T00:00:00.000000+00:00');
    expect(clock.now()).toBe(clock.now());
  });

  it('reads any variant the original system wrote as its start', () => {
    expect(new FixedClock('2023-03-22 04:00:00.123456').now()).toBe('2023-03-22T04:00:00.123456+00:00');
    expect(new FixedClock('2023-03-22T06:00:00+02:00').now()).toBe('2023-03-22T04:00:00.000000+00:00');
  });

  it('moves by seconds and microseconds, across a second boundary', () => {
    const clock = new FixedClock('2026-01-01T00:00:00.999999+00:00');
    expect(clock.advance({ micros: 1 })).toBe('2026-01-01T00:00:01.000000+00:00');
    expect(clock.advance({ seconds: 1.5 })).toBe('2026-01-01T00:00:02.500000+00:00');
    expect(clock.now()).toBe('2026-01-01T00:00:02.500000+00:00');
  });

  it('can be set to any time, including back in time for "older send" tests', () => {
    const clock = new FixedClock();
    clock.set('2025-12-31T23:59:59Z');
    expect(clock.now()).toBe('2025-12-31T23:59:59.000000+00:00');
  });

  it('refuses a start that is not a time', () => {
    expect(() => new FixedClock('yesterday')).toThrow(RangeError);
    expect(() => new FixedClock().advance({ micros: 0.5 })).toThrow(RangeError);
  });
});
