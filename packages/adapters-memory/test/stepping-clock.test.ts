import { describe, expect, it } from 'vitest';
import { SteppingClock } from '../src/index.js';

describe('SteppingClock', () => {
  it('gives each reading its own time, one second apart by default', () => {
    const clock = new SteppingClock('2026-01-01T00:00:00Z');
    expect([clock.now(), clock.now(), clock.now()]).toEqual([
      '2026-01-01T00:00:00.000000+00:00',
      '2026-01-01T00:00:01.000000+00:00',
      '2026-01-01T00:00:02.000000+00:00',
    ]);
  });

  it('steps by the given amount, down to one microsecond', () => {
    const clock = new SteppingClock('2026-01-01T00:00:00Z', { micros: 1 });
    clock.now();
    expect(clock.now()).toBe('2026-01-01T00:00:00.000001+00:00');
  });

  it('refuses a step that does not move forward', () => {
    expect(() => new SteppingClock(undefined, { seconds: 0 })).toThrow(RangeError);
    expect(() => new SteppingClock(undefined, { seconds: -1 })).toThrow(RangeError);
  });
});
