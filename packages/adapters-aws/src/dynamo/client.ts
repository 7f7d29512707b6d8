import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attachTransport, DirectTransport } from './direct-transport.js';
import { sdkMiddlewareNames } from './sdk-hooks.js';

export interface DynamoClientOptions {
  readonly region: string;
  /** e.g. `http://127.0.0.1:8000` for dynalite or DynamoDB Local; absent for AWS. */
  readonly endpoint?: string | undefined;
  /** Absent: the SDK's default chain, or throwaway keys when the endpoint is on loopback. */
  readonly credentials?:
    | { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
    | undefined;
  /** Total tries per call, first one included (SDK standard retry with backoff). Default 3. */
  readonly maxAttempts?: number | undefined;
  /** Time to open a socket (not counting the wait for a pooled one). Default 1000 ms. */
  readonly connectionTimeoutMs?: number | undefined;
  /** Time for a response once connected. Default 2000 ms. */
  readonly requestTimeoutMs?: number | undefined;
}

/** Sockets per client: enough for hundreds of calls in flight. */
const MAX_SOCKETS = 256;

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

/** Local emulators accept any keys; a real endpoint must never get these. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Region names of the `aws` partition, whose endpoint is `dynamodb.<region>.amazonaws.com`. */
const AWS_PARTITION_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/;

/**
 * The endpoint the direct transport may call: the given one, or the one the SDK would resolve
 * for a plain `aws`-partition region. When the SDK would resolve something else (an endpoint
 * from the environment, FIPS or dual-stack, China or GovCloud), there is none, and every call
 * stays on the SDK, so item calls and table management never go to two different places.
 */
const directEndpoint = (endpoint: string | undefined, region: string): string | undefined => {
  if (endpoint !== undefined) return endpoint;
  const env = process.env;
  const resolvedElsewhere =
    Boolean(env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL) ||
    env.AWS_USE_FIPS_ENDPOINT === 'true' ||
    env.AWS_USE_DUALSTACK_ENDPOINT === 'true';
  return !resolvedElsewhere && AWS_PARTITION_REGION.test(region)
    ? `https://dynamodb.${region}.amazonaws.com`
    : undefined;
};

/**
 * One DocumentClient for the process. Retries and timeouts are bounded so that a stopped or
 * unreachable engine fails a request in a few seconds (→ 503), instead of hanging it.
 * It carries a direct transport (direct-transport.ts) with the same endpoint, agent, retries,
 * timeouts and credential provider, which `MessagesTable` uses for every item call; `send`
 * (table management, scripts) goes through the SDK as usual.
 */
export const createDynamoDocumentClient = (options: DynamoClientOptions): DynamoDBDocumentClient => {
  const { region, endpoint, maxAttempts = 3, connectionTimeoutMs = 1000, requestTimeoutMs = 2000 } = options;
  const credentials =
    options.credentials ??
    (endpoint !== undefined && LOOPBACK.test(endpoint) ? LOCAL_CREDENTIALS : undefined);
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const client = new DynamoDBClient({
    region,
    maxAttempts,
    requestHandler: {
      connectionTimeout: connectionTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Without this the SDK only logs a warning when requestTimeout passes and keeps waiting:
      // an engine that accepts connections but never answers would hang requests forever.
      throwOnRequestTimeout: true,
      // The SDK's default pool is 50 sockets, and the wait for a free one counts against
      // connectionTimeout: a burst of sends would time out in the queue, not at the engine.
      httpAgent,
      httpsAgent,
    },
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
  });
  // The SDK's logger step builds redacted copies of every input and output for a logger that
  // discards them (2–6 % of host CPU per call, profiled); this adapter logs nothing there.
  client.middlewareStack.remove('loggerMiddleware');
  const documentClient = DynamoDBDocumentClient.from(client, {
    // Optional attributes are simply left out of items instead of failing the call.
    marshallOptions: { removeUndefinedValues: true },
  });
  const url = directEndpoint(endpoint, region);
  if (url === undefined) return documentClient;
  const direct = new DirectTransport(
    client,
    {
      endpoint: url,
      region,
      agent: url.startsWith('https:') ? httpsAgent : httpAgent,
      maxAttempts,
      connectionTimeoutMs,
      requestTimeoutMs,
    },
    sdkMiddlewareNames(documentClient),
  );
  attachTransport(documentClient, direct);
  return documentClient;
};
