import { describe, expect, it } from 'vitest';
import {
  DomainError,
  MessageGroupNotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../src/index.js';

describe('domain errors', () => {
  it('carry every validation code, the first one as the code', () => {
    const error = new ValidationError(['message_blank', 'receiver_not_found']);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('message_blank');
    expect(error.errors).toEqual(['message_blank', 'receiver_not_found']);
    expect(error.message).toBe('The message is blank. No user has that handle.');
  });

  it('are named after their class, so logs say which one', () => {
    expect(new MessageGroupNotFoundError('g').name).toBe('MessageGroupNotFoundError');
  });

  it('say why a token was refused in words', () => {
    const error = new UnauthenticatedError('bad_signature');
    expect(error.reason).toBe('bad_signature');
    expect(error.message).toBe('The access token is invalid (bad signature).');
  });

  it('do not tell whether a group exists', () => {
    expect(new MessageGroupNotFoundError('g').message).toBe('No such message group.');
  });
});
