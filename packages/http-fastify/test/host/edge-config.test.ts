import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_EDGE_SETTINGS, describeCors } from '../../src/edge/edge-settings.js';

const awsEnv = {
  AWS_REGION: 'eu-west-1',
  CONNECTION_URL: 'postgresql://cruddur:secret@db.internal:5432/cruddur',
  AWS_COGNITO_USER_POOL_ID: 'eu-west-1_AbCd1234',
  AWS_COGNITO_USER_POOL_CLIENT_ID: '5d3ntk8s0mclientid',
};

const edgeOf = (env: Record<string, string>, argv: string[] = []) => {
  const result = loadConfig(env, argv);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config.edge;
};

describe('edge configuration', () => {
  it('lets any origin call embedded and memory mode, and none call real services, by default', () => {
    expect(edgeOf({})?.corsOrigins).toBe('*');
    expect(edgeOf({}, ['--memory'])?.corsOrigins).toBe('*');
    expect(edgeOf(awsEnv)?.corsOrigins).toEqual([]);
    expect(describeCors([])).toContain('no cross-origin access');
    expect(describeCors('*')).toContain('any origin');
  });

  it('reads CORS_ORIGINS as a comma list or *, and takes the origin of the original FRONTEND_URL', () => {
    expect(
      edgeOf({
        ...awsEnv,
        CORS_ORIGINS: 'https://a.example, http://localhost:3000',
        FRONTEND_URL: 'https://b.example/app/',
      })?.corsOrigins,
    ).toEqual(['https://a.example', 'http://localhost:3000', 'https://b.example']);
    expect(edgeOf({ ...awsEnv, CORS_ORIGINS: '*' })?.corsOrigins).toBe('*');
    expect(edgeOf({ CORS_ORIGINS: 'https://only.example' })?.corsOrigins).toEqual(['https://only.example']);
  });

  it('reads the time and rate limits, and refuses values that are not whole numbers', () => {
    const edge = edgeOf({
      REQUEST_TIMEOUT_MS: '2500',
      SEND_RATE_LIMIT: '5',
      SEND_RATE_BURST: '10',
      MAX_EVENT_LOOP_DELAY_MS: '0',
    });
    expect(edge).toMatchObject({
      requestTimeoutMs: 2500,
      sendsPerSecond: 5,
      sendBurst: 10,
      maxEventLoopDelayMs: 0,
    });
    expect(edge?.devTokensPerMinute).toBe(DEFAULT_EDGE_SETTINGS.devTokensPerMinute);
    const result = loadConfig({
      SEND_RATE_LIMIT: '0',
      AUTH_FAILURE_RATE_LIMIT: 'lots',
      CORS_ORIGINS: 'https://a.example/',
    });
    expect(result.ok ? [] : result.problems.map((line) => line.split(':')[0])).toEqual([
      'SEND_RATE_LIMIT',
      'AUTH_FAILURE_RATE_LIMIT',
      'CORS_ORIGINS',
    ]);
  });
});
