import { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { Row } from './report.js';
import { formatRate, runsWithin } from './stats.js';

/**
 * Every authenticated request checks an RS256 signature (aws-jwt-verify), the same path a
 * Cognito token takes. Timed alone, it shows how much of a route's cost is the token check:
 * a ceiling no authenticated route can pass on one core.
 */
export const tokenVerificationRow = async (): Promise<Row> => {
  const issuer = await LocalTokenIssuer.create({ issuer: 'http://127.0.0.1/bench-issuer' });
  const verifier = issuer.verifier();
  const { accessToken } = issuer.issueAccessToken({ sub: 'sub-bench', username: 'bench' });
  const verify = () => verifier.verify(accessToken);
  await runsWithin(300, verify);
  const ms = 1000;
  const perSecond = (await runsWithin(ms, verify)) / (ms / 1000);
  return {
    section: '1 HTTP',
    measure: 'token check alone (verifier.verify, one core, no HTTP)',
    result: `${(1_000_000 / perSecond).toFixed(0)} µs per token`,
    baseline: `ceiling ${formatRate(perSecond, 'req/s')}`,
    ratio: '—',
    target: '—',
    verdict: 'info',
  };
};
