import { describe, expect, it } from 'vitest';
import { isMember, toParticipant } from '../src/index.js';

describe('group membership', () => {
  it('counts both members, in either position, and no one else', () => {
    const members = ['ann', 'bo'] as const;
    expect(isMember(members, 'ann')).toBe(true);
    expect(isMember(members, 'bo')).toBe(true);
    expect(isMember(members, 'cy')).toBe(false);
  });
});

describe('toParticipant', () => {
  it('keeps only what a message shows of its sender, not the email or cognito id', () => {
    const user = {
      uuid: 'u1',
      handle: 'ann',
      displayName: 'Ann',
      email: 'ann@example.test',
      cognitoUserId: 's1',
    };
    expect(toParticipant(user)).toStrictEqual({ uuid: 'u1', handle: 'ann', displayName: 'Ann' });
  });
});
