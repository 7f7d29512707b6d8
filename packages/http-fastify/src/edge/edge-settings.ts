/** How the HTTP edge treats clients: who may call cross-origin, how fast and how slowly. */
export interface EdgeSettings {
  /** Origins allowed to call cross-origin: `'*'` for any, `[]` for none. */
  readonly corsOrigins: '*' | readonly string[];
  /** A request (headers and body) must arrive whole within this; else 408 and the connection closes. */
  readonly requestTimeoutMs: number;
  /** Sends per caller: `sendBurst` within a window of `sendBurst / sendsPerSecond` seconds. */
  readonly sendsPerSecond: number;
  readonly sendBurst: number;
  /** Per client IP, per minute. */
  readonly devTokensPerMinute: number;
  readonly authFailuresPerMinute: number;
  /** Mean event-loop delay above which requests are shed with 503 (0 turns shedding off). */
  readonly maxEventLoopDelayMs: number;
  /** How often the event-loop delay is sampled. */
  readonly loadSampleIntervalMs: number;
}

/** The safe defaults: no cross-origin access; `loadEdgeSettings` opens CORS for local modes. */
export const DEFAULT_EDGE_SETTINGS: EdgeSettings = {
  corsOrigins: [],
  requestTimeoutMs: 10_000,
  sendsPerSecond: 20,
  sendBurst: 40,
  devTokensPerMinute: 30,
  authFailuresPerMinute: 30,
  maxEventLoopDelayMs: 1000,
  loadSampleIntervalMs: 1000,
};

type Env = Readonly<Record<string, string | undefined>>;

const NUMBERS = {
  REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  SEND_RATE_LIMIT: 'sendsPerSecond',
  SEND_RATE_BURST: 'sendBurst',
  DEV_TOKEN_RATE_LIMIT: 'devTokensPerMinute',
  AUTH_FAILURE_RATE_LIMIT: 'authFailuresPerMinute',
  MAX_EVENT_LOOP_DELAY_MS: 'maxEventLoopDelayMs',
} as const satisfies Record<string, keyof EdgeSettings>;

/**
 * The edge's part of the environment. Embedded and memory mode serve local development, so any
 * origin may call them; against real services nothing is allowed cross-origin unless listed.
 */
export function loadEdgeSettings(env: Env, local: boolean, problems: string[]): EdgeSettings {
  const numbers: Partial<Record<keyof EdgeSettings, number>> = {};
  for (const [key, field] of Object.entries(NUMBERS)) {
    const raw = env[key]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    const mayBeZero = field === 'maxEventLoopDelayMs';
    if (!Number.isInteger(value) || value < (mayBeZero ? 0 : 1)) {
      problems.push(`${key}: "${raw}" is not a whole number${mayBeZero ? '' : ' above 0'}.`);
    } else numbers[field] = value;
  }
  return {
    ...DEFAULT_EDGE_SETTINGS,
    ...numbers,
    corsOrigins: corsOriginsOf(env, local, problems),
  };
}

/** `CORS_ORIGINS` (comma-separated origins, or `*`) plus the original backend's `FRONTEND_URL`. */
function corsOriginsOf(env: Env, local: boolean, problems: string[]): EdgeSettings['corsOrigins'] {
  const listed = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const frontend = env.FRONTEND_URL?.trim();
  if (listed.length === 0 && !frontend) return local ? '*' : [];
  if (listed.includes('*')) return '*';
  const origins = new Set<string>();
  for (const entry of listed) {
    // An origin is scheme://host[:port] exactly; a path or a trailing slash would never match.
    if (URL.canParse(entry) && new URL(entry).origin === entry) origins.add(entry);
    else problems.push(`CORS_ORIGINS: "${entry}" is not an origin (like https://app.example.com, no path).`);
  }
  if (frontend) {
    // The original passes a whole URL here; only its origin matters.
    if (URL.canParse(frontend) && new URL(frontend).origin !== 'null') origins.add(new URL(frontend).origin);
    else problems.push(`FRONTEND_URL: "${frontend}" is not a URL.`);
  }
  return [...origins];
}

/** One line for the banner: who may call this host from a browser page on another origin. */
export function describeCors(origins: EdgeSettings['corsOrigins']): string {
  if (origins === '*') return 'any origin (set CORS_ORIGINS to restrict)';
  if (origins.length === 0) return 'no cross-origin access (set CORS_ORIGINS to allow origins)';
  return origins.join(', ');
}
