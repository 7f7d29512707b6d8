import { UsageError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The engines a developer runs locally: DynamoDB Local / dynalite, PostgreSQL, cognito-local. */
export const LOCAL_DYNAMO_ENDPOINT = 'http://127.0.0.1:8000';
export const LOCAL_POSTGRES_URL = 'postgresql://postgres:password@127.0.0.1:5432/cruddur';
export const LOCAL_COGNITO_ENDPOINT = 'http://127.0.0.1:9229';
const LOCAL_REGION = 'us-east-1';

// Local engines accept any keys; without these the SDK would hunt for real credentials
// (and fail on a machine that has none) just to talk to an emulator.
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

const read = (env: Env, key: string): string | undefined => env[key]?.trim() || undefined;

export interface AwsTarget {
  readonly region: string;
  /** Undefined: AWS itself. */
  readonly endpoint: string | undefined;
  readonly credentials: typeof LOCAL_CREDENTIALS | undefined;
  /** What error messages name as the place the CLI tried. */
  readonly label: string;
}

/**
 * Local by default; `--prod` means AWS. An endpoint override together with `--prod` is
 * refused rather than ignored: the SDK itself reads `AWS_ENDPOINT_URL*`, so "ignoring" it
 * would quietly send production commands to whatever the variable names.
 */
export const awsTarget = (
  env: Env,
  prod: boolean,
  service: { readonly envSuffix: string; readonly localDefault: string },
  fallbackRegion?: string,
): AwsTarget => {
  const variable = `AWS_ENDPOINT_URL_${service.envSuffix}`;
  const override = read(env, variable) ?? read(env, 'AWS_ENDPOINT_URL');
  const region = read(env, 'AWS_REGION') ?? read(env, 'AWS_DEFAULT_REGION');
  if (prod) {
    if (override !== undefined) {
      throw new UsageError(
        `--prod talks to AWS, but an endpoint override is set (${override}); unset ${variable} and AWS_ENDPOINT_URL, or drop --prod`,
      );
    }
    const chosen = region ?? fallbackRegion;
    if (chosen === undefined) throw new UsageError('--prod needs AWS_REGION (or AWS_DEFAULT_REGION)');
    return { region: chosen, endpoint: undefined, credentials: undefined, label: `AWS ${chosen}` };
  }
  const endpoint = override ?? service.localDefault;
  if (!URL.canParse(endpoint))
    throw new UsageError(`${variable} / AWS_ENDPOINT_URL: "${endpoint}" is not a URL`);
  const credentials = read(env, 'AWS_ACCESS_KEY_ID') === undefined ? LOCAL_CREDENTIALS : undefined;
  return { region: region ?? LOCAL_REGION, endpoint, credentials, label: endpoint };
};

export const DYNAMODB = { envSuffix: 'DYNAMODB', localDefault: LOCAL_DYNAMO_ENDPOINT };
export const COGNITO = { envSuffix: 'COGNITO_IDENTITY_PROVIDER', localDefault: LOCAL_COGNITO_ENDPOINT };

/** `--prod` never falls back to the local database: a production command must name its target. */
export const postgresUrl = (env: Env, prod: boolean): string => {
  const configured = read(env, 'CONNECTION_URL');
  if (prod && configured === undefined) {
    throw new UsageError('--prod needs CONNECTION_URL set; refusing to fall back to the local database');
  }
  const url = configured ?? LOCAL_POSTGRES_URL;
  // Not echoed: a connection URL usually carries a password.
  if (!URL.canParse(url)) {
    throw new UsageError('CONNECTION_URL is not a URL (expected postgresql://user:password@host:5432/db)');
  }
  return url;
};

/** The URL with its password masked, for messages. */
export const redactUrl = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
};
