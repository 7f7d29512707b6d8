import { describe, expect, it } from 'vitest';
import { initials } from '../src/lib/initials.js';
import { nextCursor } from '../src/lib/link-header.js';
import { codePoints, textProblem } from '../src/lib/message-text.js';
import { relativeTime } from '../src/lib/relative-time.js';

describe('relative times', () => {
  const now = new Date(2026, 11, 1, 12, 0, 0);
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  it('says now, minutes, hours, then the date', () => {
    expect(relativeTime(ago(30_000), now)).toBe('now');
    expect(relativeTime(ago(5 * 60_000), now)).toBe('5m');
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe('3h');
    expect(relativeTime(new Date(2026, 10, 2, 9).toISOString(), now)).toBe('Nov 2');
    expect(relativeTime(new Date(2025, 10, 2, 9).toISOString(), now)).toBe('Nov 2, 2025');
  });
});

describe('message text', () => {
  it('counts code points after trimming, an emoji as one', () => {
    expect(codePoints('  hi  ')).toBe(2);
    expect(codePoints('👍')).toBe(1);
    expect(textProblem(' \n ')).toBe('blank');
    expect(textProblem('😀'.repeat(1024))).toBeNull();
    expect(textProblem('😀'.repeat(1025))).toBe('too_long');
  });
});

describe('Link header', () => {
  it('finds the next cursor, or null on the last page', () => {
    expect(nextCursor('</api/message_groups?limit=20&cursor=abc%3D%3D>; rel="next"')).toBe('abc==');
    expect(nextCursor(null)).toBeNull();
    expect(nextCursor('</x?cursor=1>; rel="prev"')).toBeNull();
  });
});

describe('initials', () => {
  it('takes the first and last name, or the handle', () => {
    expect(initials('Mira Okafor', 'mira')).toBe('MO');
    expect(initials('Inês Maria Duarte', 'ines')).toBe('ID');
    expect(initials('', 'kofi')).toBe('K');
  });
});
