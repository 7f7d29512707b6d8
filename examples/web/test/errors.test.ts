import { describe, expect, it } from 'vitest';
import { ApiError, describeError, OFFLINE } from '../src/api/errors.js';

describe('API errors in words', () => {
  it('names what happened, by code first and status second', () => {
    expect(describeError(new ApiError(404, 'message_group_not_found', 'x'))).toMatch(
      /^Conversation not found/,
    );
    expect(describeError(new ApiError(422, 'message_exceed_max_chars_1024', 'x'))).toContain('1024');
    expect(describeError(new ApiError(422, 'message_blank', 'x'))).toContain('Write something');
    expect(describeError(new ApiError(401, 'unauthenticated', 'x'))).toContain('sign in again');
    expect(describeError(new ApiError(429, 'too_many_requests', 'x', 7))).toContain('Wait 7 s');
    expect(describeError(new ApiError(503, 'dependency_unavailable', 'x'))).toContain('unavailable');
    expect(describeError(OFFLINE)).toContain('Cannot reach the server');
  });
  it('never shows a raw 5xx message', () => {
    expect(describeError(new ApiError(500, 'internal_error', 'TypeError at line 3'))).not.toContain(
      'TypeError',
    );
  });
});
