import { describe, expect, it } from 'vitest';
import { Output } from '../src/output.js';

const capture = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { write: (chunk: string) => written.push(chunk), isTTY }, written };
};

describe('progress on stderr', () => {
  it('redraws one bar in place on a terminal and ends the line when done', () => {
    const stderr = capture(true);
    const progress = new Output(capture(false).stream, stderr.stream, false).progress('seed');
    progress.update(5, 10);
    progress.update(10, 10);
    progress.end();
    expect(stderr.written.join('')).toBe(
      `\rseed [${'#'.repeat(10)}${'-'.repeat(10)}] 5/10\rseed [${'#'.repeat(20)}] 10/10\n`,
    );
  });

  it('writes a line every 25 items and at the end into a log', () => {
    const stderr = capture(false);
    const progress = new Output(capture(false).stream, stderr.stream, false).progress('seed');
    for (let done = 1; done <= 60; done++) progress.update(done, 60);
    progress.end();
    expect(stderr.written).toEqual(['seed: 25/60\n', 'seed: 50/60\n', 'seed: 60/60\n']);
  });
});

describe('results on stdout', () => {
  it('are JSON with --json, including what DynamoDB returns as sets', () => {
    const stdout = capture(false);
    new Output(stdout.stream, capture(false).stream, true).result({ tags: new Set(['a']) }, () => 'table');
    expect(JSON.parse(stdout.written.join(''))).toEqual({ tags: ['a'] });
  });
});
