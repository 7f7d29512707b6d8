import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_LIMIT, InvalidPageLimitError, MAX_PAGE_LIMIT } from '../src/index.js';
import { toPageRequest } from '../src/use-cases/page-input.js';

describe('toPageRequest', () => {
  it('defaults to 20 items from the start', () => {
    expect(DEFAULT_PAGE_LIMIT).toBe(20);
    expect(toPageRequest({})).toEqual({ limit: 20, cursor: null });
    expect(toPageRequest({ limit: undefined, cursor: undefined })).toEqual({ limit: 20, cursor: null });
  });

  it('passes the limit and the cursor through untouched', () => {
    expect(toPageRequest({ limit: 1, cursor: 'abc' })).toEqual({ limit: 1, cursor: 'abc' });
    expect(toPageRequest({ limit: MAX_PAGE_LIMIT, cursor: null })).toEqual({ limit: 50, cursor: null });
  });

  it.each([0, -1, 51, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a limit of %s', (limit) => {
    expect(() => toPageRequest({ limit })).toThrow(InvalidPageLimitError);
  });

  it('names the allowed range in the error', () => {
    expect(() => toPageRequest({ limit: 51 })).toThrow('limit must be an integer from 1 to 50, got 51.');
  });
});

it('treats an empty cursor as the first page', () => {
  expect(toPageRequest({ cursor: '' })).toEqual({ limit: 20, cursor: null });
});
