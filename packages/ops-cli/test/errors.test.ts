import { freePort } from '@cruddur/engines';
import { describe, expect, it } from 'vitest';
import { awsTarget, DYNAMODB, postgresUrl } from '../src/targets.js';
import { runCli } from './run-cli.js';

describe('an engine the CLI cannot reach', () => {
  it.each([['list-tables'], ['scan'], ['seed'], ['repair'], ['repair', '--dry-run'], ['schema-load']])(
    'ddb %s: one line naming the endpoint, exit code 1',
    async (...argv) => {
      const endpoint = `http://127.0.0.1:${await freePort()}`;
      const { code, stdout, stderr } = await runCli(['ddb', ...argv], {
        env: { AWS_ENDPOINT_URL_DYNAMODB: endpoint },
      });
      expect([code, stdout]).toEqual([1, '']);
      expect(stderr).toBe(
        `cruddur-ops: cannot reach DynamoDB at ${endpoint}: connection refused (ECONNREFUSED)\n`,
      );
    },
  );

  it('the PostgreSQL of conversations <handle> is named as such', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli(['ddb', 'conversations', 'mira'], {
      env: { CONNECTION_URL: `postgresql://u:pw@127.0.0.1:${port}/cruddur` },
    });
    expect([code, stderr]).toEqual([
      1,
      `cruddur-ops: cannot reach PostgreSQL at postgresql://u:***@127.0.0.1:${port}/cruddur: connection refused (ECONNREFUSED)\n`,
    ]);
  });
});

describe('the engines used', () => {
  // Checked on the configuration rather than by connecting: a developer may well have a
  // DynamoDB Local on port 8000, and then a "cannot reach" test would fail.
  it('are the local ones when nothing is configured', () => {
    expect(awsTarget({}, false, DYNAMODB)).toMatchObject({
      endpoint: 'http://127.0.0.1:8000',
      region: 'us-east-1',
    });
    expect(postgresUrl({}, false)).toBe('postgresql://postgres:password@127.0.0.1:5432/cruddur');
  });

  it('are the configured ones, the DynamoDB-specific endpoint first', () => {
    const env = {
      AWS_ENDPOINT_URL: 'http://a:1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://b:2',
      CONNECTION_URL: 'postgres://c/d',
    };
    expect(awsTarget(env, false, DYNAMODB).endpoint).toBe('http://b:2');
    expect(postgresUrl(env, true)).toBe('postgres://c/d');
  });

  it('are AWS itself with --prod', () => {
    expect(awsTarget({ AWS_REGION: 'eu-west-1' }, true, DYNAMODB)).toMatchObject({
      endpoint: undefined,
      credentials: undefined,
      region: 'eu-west-1',
    });
  });
});

describe('--prod', () => {
  it('refuses to fall back to the local PostgreSQL', async () => {
    const { code, stderr } = await runCli(['db', 'migrate', '--prod'], { env: {} });
    expect([code, stderr]).toEqual([
      2,
      'cruddur-ops: --prod needs CONNECTION_URL set; refusing to fall back to the local database\n',
    ]);
  });

  it('refuses an endpoint override, which would send production commands elsewhere', async () => {
    const { code, stderr } = await runCli(['ddb', 'scan', '--prod'], {
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:8000', AWS_REGION: 'eu-west-1' },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--prod talks to AWS, but an endpoint override is set (http://127.0.0.1:8000)');
  });

  it('needs a region', async () => {
    const { code, stderr } = await runCli(['ddb', 'list-tables', '--prod'], { env: {} });
    expect([code, stderr]).toEqual([2, 'cruddur-ops: --prod needs AWS_REGION (or AWS_DEFAULT_REGION)\n']);
  });
});
