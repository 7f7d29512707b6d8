import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_EDGE_SETTINGS } from '../../src/edge/edge-settings.js';

/** Local modes let any origin call them; against real services the safe defaults hold. */
const localEdge = { ...DEFAULT_EDGE_SETTINGS, corsOrigins: '*' };
import { isLoopback } from '../../src/loopback.js';

const awsEnv = {
  AWS_REGION: 'eu-west-1',
  CONNECTION_URL: 'postgresql://cruddur:secret@db.internal:5432/cruddur',
  AWS_COGNITO_USER_POOL_ID: 'eu-west-1_AbCd1234',
  AWS_COGNITO_USER_POOL_CLIENT_ID: '5d3ntk8s0mclientid',
};

describe('host configuration', () => {
  it('runs on embedded engines keeping data in ./.data when nothing is configured', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        port: 4567,
        host: '127.0.0.1',
        backend: { kind: 'embedded', tableName: 'cruddur-messages', dataDir: resolve('.data'), reset: false },
        edge: localEdge,
      },
    });
  });

  it('takes the data directory from CRUDDUR_DATA_DIR, and --reset', () => {
    expect(loadConfig({ CRUDDUR_DATA_DIR: '/var/tmp/cruddur' }, ['--reset'])).toMatchObject({
      ok: true,
      config: { backend: { kind: 'embedded', dataDir: '/var/tmp/cruddur', reset: true } },
    });
  });

  it('runs purely in memory with --memory or CRUDDUR_BACKEND=memory', () => {
    expect(loadConfig({}, ['--memory'])).toMatchObject({ ok: true, config: { backend: { kind: 'memory' } } });
    expect(loadConfig({ CRUDDUR_BACKEND: 'memory' })).toMatchObject({ ok: true, config: { backend: { kind: 'memory' } } });
  });

  it('honours PORT, HOST and DDB_MESSAGE_TABLE', () => {
    expect(loadConfig({ PORT: '8080', HOST: '::1', DDB_MESSAGE_TABLE: 'dm-test' })).toMatchObject({
      ok: true,
      config: { port: 8080, host: '::1', backend: { kind: 'embedded', tableName: 'dm-test' }, edge: localEdge },
    });
  });

  it('refuses a non-loopback HOST in embedded and memory mode (the dev issuer mints tokens for anyone)', () => {
    for (const argv of [[], ['--memory']]) {
      const result = loadConfig({ HOST: '0.0.0.0' }, argv);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^HOST: "0\.0\.0\.0" is not a loopback address.*CRUDDUR_EXPOSE_DEV_ISSUER=1/)]);
    }
    expect(loadConfig({ HOST: '0.0.0.0', CRUDDUR_EXPOSE_DEV_ISSUER: '1' })).toMatchObject({ ok: true, config: { host: '0.0.0.0' } });
    expect(loadConfig({ ...awsEnv, HOST: '0.0.0.0' })).toMatchObject({ ok: true, config: { host: '0.0.0.0', backend: { kind: 'aws' } } });
  });

  it('knows loopback addresses from others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com', '::ffff:10.0.0.1', '128.0.0.1']) {
      expect(isLoopback(host)).toBe(false);
    }
  });

  it('uses real services when they are configured, preferring the DynamoDB-specific endpoint', () => {
    const result = loadConfig({
      ...awsEnv,
      AWS_ENDPOINT_URL: 'http://localstack:4566',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://dynamodb-local:8000',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 4567,
        host: '127.0.0.1',
        backend: {
          kind: 'aws',
          region: 'eu-west-1',
          dynamoEndpoint: 'http://dynamodb-local:8000',
          tableName: 'cruddur-messages',
          connectionUrl: awsEnv.CONNECTION_URL,
          tokens: {
            kind: 'user-pool',
            userPoolId: awsEnv.AWS_COGNITO_USER_POOL_ID,
            clientId: awsEnv.AWS_COGNITO_USER_POOL_CLIENT_ID,
          },
        },
        edge: DEFAULT_EDGE_SETTINGS,
      },
    });
  });

  it('lists every problem, one line each, without echoing passwords', () => {
    const result = loadConfig({
      PORT: 'eighty',
      CONNECTION_URL: 'not a url with :secret@ inside',
      AWS_COGNITO_USER_POOL_ID: 'nope',
      DDB_MESSAGE_TABLE: 'x',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'PORT',
      'DDB_MESSAGE_TABLE',
      'AWS_REGION (or AWS_DEFAULT_REGION)',
      'CONNECTION_URL',
      'AWS_COGNITO_USER_POOL_ID',
      'AWS_COGNITO_USER_POOL_CLIENT_ID',
    ]);
    expect(problems.join('\n')).not.toContain('secret@');
  });

  it('refuses an unknown backend name', () => {
    expect(loadConfig({ CRUDDUR_BACKEND: 'sqlite' })).toEqual({
      ok: false,
      problems: ['CRUDDUR_BACKEND: "sqlite" is not one of memory, embedded, aws.'],
    });
  });
});
