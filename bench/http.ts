import type { AppServerInfo, BareResponses, BareRoute, BareServerInfo } from './servers/contract.js';
import type { SectionResult } from './section.js';
import { compareLoad, type LoadPlan, type LoadTarget, loadPlan } from './support/load.js';
import { progress } from './support/progress.js';
import { atLeast, type Row } from './support/report.js';
import { startServerProcess } from './support/server-process.js';
import { formatRate, formatRatio } from './support/stats.js';
import { tokenVerificationRow } from './support/token-cost.js';

const READ_TARGET = 0.6;

interface Route {
  readonly name: string;
  readonly kind: 'read' | 'write';
  /** The bare route answering the same JSON. */
  readonly bare: BareRoute;
  readonly target: (base: string) => LoadTarget;
}

const routesFor = ({ token, groupUuid, peerHandle }: AppServerInfo): Route[] => {
  const auth = { authorization: `Bearer ${token}` };
  const get =
    (path: string, headers: Record<string, string> = auth) =>
    (base: string) => ({
      url: `${base}${path}`,
      method: 'GET' as const,
      headers,
    });
  const post = (body: object) => (base: string) => ({
    url: `${base}/api/messages`,
    method: 'POST' as const,
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const userShort = `/api/users/@${peerHandle}/short`;
  return [
    {
      name: 'GET /api/message_groups',
      kind: 'read',
      bare: 'messageGroups',
      target: get('/api/message_groups'),
    },
    {
      name: 'GET /api/messages/:uuid',
      kind: 'read',
      bare: 'messages',
      target: get(`/api/messages/${groupUuid}`),
    },
    { name: 'GET /api/users/@:handle/short', kind: 'read', bare: 'userShort', target: get(userShort) },
    // How the original frontend calls it: no token, so no signature check.
    {
      name: 'GET /api/users/@:handle/short (no token)',
      kind: 'read',
      bare: 'userShortAnonymous',
      target: get(userShort, {}),
    },
    // The write goes last: it grows the conversation the reads above are measured on. Create
    // mode runs the same append after two cached lookups; section 3 counts its round trips.
    {
      name: 'POST /api/messages (update)',
      kind: 'write',
      bare: 'created',
      target: post({ message: 'Load test: still on for Saturday?', message_group_uuid: groupUuid }),
    },
  ];
};

/** One request per bare route to the real app, so the bare server can answer the same JSON. */
const captureResponses = async (base: string, routes: readonly Route[]): Promise<BareResponses> => {
  const bodies = new Map<BareRoute, unknown>();
  for (const route of routes) {
    if (bodies.has(route.bare)) continue;
    const { url, method, headers, body } = route.target(base);
    const response = await fetch(url, { method, ...(headers ? { headers } : {}), ...(body ? { body } : {}) });
    if (!response.ok) throw new Error(`${route.name} answered ${response.status}: ${await response.text()}`);
    bodies.set(route.bare, await response.json());
  }
  const body = (route: BareRoute) => bodies.get(route) ?? null;
  return {
    messageGroups: body('messageGroups'),
    messages: body('messages'),
    created: body('created'),
    userShort: body('userShort'),
    userShortAnonymous: body('userShortAnonymous'),
  };
};

interface Throughput {
  readonly rps: number;
  readonly failures: number;
}

const toRow = (route: Route, app: Throughput, bare: Throughput, plan: LoadPlan): Row => {
  const ratio = app.rps / bare.rps;
  const failures = app.failures + bare.failures;
  return {
    section: '1 HTTP',
    measure: `${route.name}, ${plan.connections} conn × ${plan.seconds} s`,
    result:
      failures > 0 ? `${formatRate(app.rps, 'req/s')}, ${failures} failed` : formatRate(app.rps, 'req/s'),
    baseline: `${formatRate(bare.rps, 'req/s')} bare`,
    ratio: formatRatio(ratio),
    target: route.kind === 'read' ? `≥ ${READ_TARGET.toFixed(2)}` : '— (write)',
    verdict: failures > 0 ? 'ERROR' : route.kind === 'read' ? atLeast(ratio, READ_TARGET) : 'info',
  };
};

/**
 * Section 1: each API route on the memory adapters against a bare Fastify route answering
 * the same JSON, each pair measured back to back in ABBA order (see `compareLoad`).
 */
export const httpSection = async (): Promise<SectionResult> => {
  const plan = loadPlan();
  progress('http: starting the app (memory adapters) in a child process and seeding it');
  const app = await startServerProcess<null, AppServerInfo>(
    new URL('./servers/app-server.ts', import.meta.url),
    null,
  );
  try {
    const appBase = `http://127.0.0.1:${app.info.port}`;
    const routes = routesFor(app.info);
    const responses = await captureResponses(appBase, routes);
    const bare = await startServerProcess<BareResponses, BareServerInfo>(
      new URL('./servers/bare-server.ts', import.meta.url),
      responses,
    );
    try {
      const bareBase = `http://127.0.0.1:${bare.info.port}`;
      const rows: Row[] = [];
      for (const route of routes) {
        progress(`http: ${route.name}: bare and app`);
        const { a: bareResult, b: appResult } = await compareLoad(
          route.target(bareBase),
          route.target(appBase),
          plan,
        );
        rows.push(toRow(route, appResult, bareResult, plan));
      }
      rows.push(await tokenVerificationRow());
      return { rows, notes: [] };
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
  }
};
