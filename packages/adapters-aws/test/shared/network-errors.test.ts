import { DependencyUnavailableError } from '@cruddur/core';
import { describe, expect, it } from 'vitest';
import { translateCognitoFailure } from '../../src/cognito/cognito-sdk-failure.js';
import { translateDynamoError } from '../../src/dynamo/errors.js';
import { NETWORK_ERROR_CODES } from '../../src/network-errors.js';
import { translateUnavailable } from '../../src/postgres/pg-errors.js';

const translations = {
  dynamodb: translateDynamoError,
  postgres: translateUnavailable,
  cognito: translateCognitoFailure,
};

const withCode = (code: string) => Object.assign(new Error(`socket: ${code}`), { code });

describe('every adapter treats the same network error codes as its dependency being unavailable', () => {
  it('lists the codes Node reports for a refused, reset, timed-out or unresolvable connection', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(NETWORK_ERROR_CODES.has(code)).toBe(true);
    }
  });

  for (const [dependency, translate] of Object.entries(translations)) {
    it.each([...NETWORK_ERROR_CODES])(`${dependency}: %s → DependencyUnavailableError`, (code) => {
      const translated = translate(withCode(code));
      expect(translated).toBeInstanceOf(DependencyUnavailableError);
      expect((translated as DependencyUnavailableError).dependency).toBe(dependency);
    });

    it(`${dependency}: a code that is not a network error stays as it is`, () => {
      const error = withCode('ERR_INVALID_ARG_TYPE');
      expect(translate(error)).toBe(error);
    });
  }
});
