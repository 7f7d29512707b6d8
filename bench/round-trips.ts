import { startDynalite } from '@cruddur/engines';
import type { SectionResult } from './section.js';
import { meteredHost } from './support/metered-host.js';
import { progress } from './support/progress.js';
import { atMost, type Row, type Verdict } from './support/report.js';
import { type DynamoTally, type RequestCost, runRequestScenario } from './support/request-scenario.js';

const SEND_BUDGET = 6;

const describeCalls = ({ calls, byOperation }: DynamoTally): string => {
  const parts = Object.entries(byOperation).map(([operation, n]) => `${operation} ${n}`);
  return `${calls}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
};

/** Design §11 and issue 10: a steady list ≤ 2 DynamoDB calls and no SQL; a common send ≤ 6; a mark-read ≤ 3. */
const judge = ({ request, kind, state, dynamo, pgQueries }: RequestCost): { target: string; verdict: Verdict } => {
  if (state !== 'steady') return { target: '— (not steady state)', verdict: 'info' };
  switch (kind) {
    case 'send':
      return { target: `DDB ≤ ${SEND_BUDGET}`, verdict: atMost(dynamo.calls, SEND_BUDGET) };
    case 'list': {
      // Issue 10: the inbox reads its page and the caller's read markers, in parallel.
      const budget = request.startsWith('GET /api/message_groups') ? 2 : 1;
      const ok = dynamo.calls <= budget && pgQueries === 0;
      return { target: `DDB ${budget === 1 ? '1' : `≤ ${budget}`}, PG 0`, verdict: ok ? 'PASS' : 'OVER' };
    }
    case 'read':
      return { target: 'DDB ≤ 3', verdict: atMost(dynamo.calls, 3) };
    case 'lookup':
      return { target: '—', verdict: 'info' };
  }
};

/** Section 3: round trips per request through the real host wiring on dynalite + pg-mem. */
export const roundTripsSection = async (): Promise<SectionResult> => {
  const engine = await startDynalite();
  progress('round trips: host (awsModule) on dynalite + pg-mem with counting clients');
  const host = await meteredHost(engine.endpoint);
  try {
    const costs = await runRequestScenario(host);
    const rows = costs.map(
      (cost): Row => ({
        section: '3 Round trips',
        measure: `${cost.request} [${cost.state}]`,
        result: `DDB ${describeCalls(cost.dynamo)} · PG ${cost.pgQueries}`,
        baseline: '—',
        ratio: '—',
        ...judge(cost),
      }),
    );
    return { rows, notes: [] };
  } finally {
    await host.close();
    await engine.stop();
  }
};
