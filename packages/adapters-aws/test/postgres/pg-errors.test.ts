import { describe, expect, it } from 'vitest';
import { isPostgresUnavailable } from '../../src/postgres/index.js';
import { uniqueViolation } from '../../src/postgres/pg-errors.js';

const withCode = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });

describe('which PostgreSQL errors mean "unavailable"', () => {
  it.each([
    ['admin shutdown (57P01)', withCode('57P01')],
    ['cannot connect now (57P03)', withCode('57P03')],
    ['statement timeout (57014)', withCode('57014')],
    ['too many connections (53300)', withCode('53300')],
    ['connection failure (08006)', withCode('08006')],
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['host name not found', withCode('ENOTFOUND')],
    ['schema not migrated yet (42P01)', withCode('42P01')],
    ['every address of a host refused', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
    ['exhausted pool', new Error('timeout exceeded when trying to connect')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['server gone mid-query', new Error('Connection terminated unexpectedly')],
    ['client-side query timeout', new Error('Query read timeout')],
    ['socket error as the cause', new Error('wrapped', { cause: withCode('ETIMEDOUT') })],
  ])('%s', (_, error) => {
    expect(isPostgresUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation (23505)', withCode('23505')],
    ['bad uuid text (22P02)', withCode('22P02')],
    ['wrong password (28P01)', withCode('28P01')],
    ['a plain bug', new Error('boom')],
    ['not an error at all', 'boom'],
    ['nothing', null],
  ])('not %s', (_, error) => {
    expect(isPostgresUnavailable(error)).toBe(false);
  });
});

describe('reading a unique violation', () => {
  it('takes the constraint and column PostgreSQL reports', () => {
    const error = Object.assign(withCode('23505'), {
      constraint: 'users_handle_key',
      detail: 'Key (handle)=(mira) already exists.',
    });
    expect(uniqueViolation(error)).toEqual({ constraint: 'users_handle_key', column: 'handle' });
  });

  it("takes the column from pg-mem's details, which names no usable constraint", () => {
    const error = Object.assign(withCode('23505', 'violates unique constraint "users_pkey"'), {
      data: { details: 'Key (cognito_user_id)=(abc) already exists.' },
    });
    expect(uniqueViolation(error)).toEqual({ constraint: null, column: 'cognito_user_id' });
  });

  it('ignores other errors', () => {
    expect(uniqueViolation(withCode('23503'))).toBeNull();
    expect(uniqueViolation(new Error('boom'))).toBeNull();
  });
});
