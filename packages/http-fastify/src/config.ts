import { resolve } from 'node:path';
import { exposureProblem } from './loopback.js';
import { type EdgeSettings, loadEdgeSettings } from './edge/edge-settings.js';
import { readDevIssuerKey, readTokenSource, type TokenSource } from './token-config.js';

/** Where the host keeps its data and who issues its tokens. */
export type BackendConfig =
  | { readonly kind: 'memory' }
  | {
      readonly kind: 'embedded';
      readonly tableName: string;
      /** Where the engines keep their data across restarts; in memory without one. */
      readonly dataDir?: string;
      /** Empty the data directory before starting (`--reset`). */
      readonly reset?: boolean;
    }
  | {
      readonly kind: 'aws';
      readonly region: string;
      readonly dynamoEndpoint: string | undefined;
      readonly tableName: string;
      readonly connectionUrl: string;
      readonly tokens: TokenSource;
    };

export interface HostConfig {
  readonly port: number;
  readonly host: string;
  readonly backend: BackendConfig;
  /** The dev issuer's private key (PEM or JWK text), from `CRUDDUR_DEV_ISSUER_KEY_FILE`. */
  readonly devIssuerKey?: string;
  /** CORS, time and rate limits, load shedding; `DEFAULT_EDGE_SETTINGS` when absent. */
  readonly edge?: EdgeSettings;
}

export type ConfigResult = { ok: true; config: HostConfig } | { ok: false; problems: string[] };

type Env = Readonly<Record<string, string | undefined>>;

const EXTERNAL_KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'CONNECTION_URL',
  'AWS_COGNITO_USER_POOL_ID',
  'COGNITO_ISSUER',
] as const;

/**
 * Reads the environment once, at start. Nothing set → embedded engines keeping their data in
 * `CRUDDUR_DATA_DIR` (default `./.data`; `--reset` empties it first); `--memory` or
 * `CRUDDUR_BACKEND=memory` → pure in-memory; any external endpoint set → real services,
 * and then every one of them must be set (a half-configured host would mix fake and real data).
 */
export function loadConfig(env: Env, argv: readonly string[] = []): ConfigResult {
  const problems: string[] = [];
  const port = parsePort(env.PORT, problems);
  const host = env.HOST?.trim() || '127.0.0.1';
  const tableName = env.DDB_MESSAGE_TABLE?.trim() || 'cruddur-messages';
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(tableName)) {
    problems.push(`DDB_MESSAGE_TABLE: "${tableName}" is not a valid DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -).`);
  }
  const backend = chooseBackend(env, argv, tableName, problems);
  const devIssuerKey = backend?.kind === 'aws' ? undefined : readDevIssuerKey(env, problems);
  if (backend?.kind === 'aws' && env.CRUDDUR_DEV_ISSUER_KEY_FILE?.trim()) {
    problems.push('CRUDDUR_DEV_ISSUER_KEY_FILE: there is no dev issuer against real services; unset it.');
  }
  const exposure = backend && backend.kind !== 'aws' ? exposureProblem(host, env) : null;
  if (exposure) problems.push(exposure);
  const edge = loadEdgeSettings(env, backend?.kind !== 'aws', problems);
  return problems.length > 0 || !backend
    ? { ok: false, problems }
    : { ok: true, config: { port, host, backend, edge, ...(devIssuerKey === undefined ? {} : { devIssuerKey }) } };
}

function chooseBackend(env: Env, argv: readonly string[], tableName: string, problems: string[]) {
  const requested = argv.includes('--memory') ? 'memory' : env.CRUDDUR_BACKEND?.trim();
  if (requested && !['memory', 'embedded', 'aws'].includes(requested)) {
    problems.push(`CRUDDUR_BACKEND: "${requested}" is not one of memory, embedded, aws.`);
    return null;
  }
  const external = EXTERNAL_KEYS.some((key) => env[key]?.trim());
  if (requested === 'memory') return { kind: 'memory' } as const;
  if (requested === 'embedded' || (!requested && !external)) {
    const dataDir = resolve(env.CRUDDUR_DATA_DIR?.trim() || '.data');
    return { kind: 'embedded', tableName, dataDir, reset: argv.includes('--reset') } as const;
  }

  const need = (key: string): string => {
    const value = env[key]?.trim();
    if (!value) problems.push(`${key}: required when running against real services (it is not set).`);
    return value ?? '';
  };
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || '';
  if (!region) problems.push('AWS_REGION (or AWS_DEFAULT_REGION): required when running against real services.');
  const dynamoEndpoint = env.AWS_ENDPOINT_URL_DYNAMODB?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
  if (dynamoEndpoint && !URL.canParse(dynamoEndpoint)) {
    problems.push(`AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL: "${dynamoEndpoint}" is not a URL.`);
  }
  // The value is not echoed: a connection string usually carries a password.
  if (env.CONNECTION_URL?.trim() && !URL.canParse(env.CONNECTION_URL.trim())) {
    problems.push('CONNECTION_URL: is not a URL (expected postgresql://user:password@host:5432/db).');
  }
  const connectionUrl = need('CONNECTION_URL');
  return {
    kind: 'aws',
    region,
    dynamoEndpoint,
    tableName,
    connectionUrl,
    tokens: readTokenSource(env, problems),
  } as const;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return 4567;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT: "${raw}" is not a port number (0-65535).`);
  }
  return port;
}
