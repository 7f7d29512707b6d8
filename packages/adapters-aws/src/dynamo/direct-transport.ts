import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type HttpTarget, postOnce } from './http-attempt.js';
import { RetryPolicy } from './retries.js';
import { type Credentials, SigV4 } from './sign-v4.js';

export interface DirectTransportOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly agent: HttpAgent | HttpsAgent;
  readonly maxAttempts: number;
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';

/**
 * DynamoDB's JSON protocol spoken directly: one signed POST per attempt, the SDK's retry
 * strategy, the SDK client's own credential provider (its default chain, memoized and
 * refreshed), region and hash. What it leaves out is the SDK's per-call middleware (command
 * and stack resolution, schema serde, user agent, recursion detection, the logger), which
 * cost about 1 ms of CPU per call on this machine against 0.2 ms here (bench/README.md).
 */
export class DirectTransport {
  private readonly target: HttpTarget;
  private readonly signer: SigV4;
  private readonly credentials: () => Promise<Credentials>;
  private readonly retries: RetryPolicy;

  constructor(
    client: DynamoDBClient,
    options: DirectTransportOptions,
    /** The SDK's own middleware names: anything else on the stack was added by a user. */
    readonly sdkNames: ReadonlySet<string>,
  ) {
    const url = new URL(options.endpoint);
    this.target = { ...options, url };
    this.signer = new SigV4({ region: options.region, service: 'dynamodb', host: url.host });
    // The SDK client's provider: the default chain (or the given keys), memoized and refreshed.
    this.credentials = () => client.config.credentials();
    this.retries = new RetryPolicy(options.maxAttempts);
  }

  /** One call with retries: `attempt` is where hooks below the retry loop go (see sdk-hooks.ts). */
  call<T>(attempt: () => Promise<T>): Promise<T> {
    return this.retries.run(attempt);
  }

  /** One attempt of `operation` with its input in DynamoDB's wire form. */
  async attempt(operation: string, wireInput: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = JSON.stringify(wireInput);
    const headers = this.signer.headers(await this.credentials(), TARGET_PREFIX + operation, body);
    return postOnce(this.target, { headers, body });
  }
}

/** The transport of each client made by `createDynamoDocumentClient`. */
const transports = new WeakMap<object, DirectTransport>();

export const attachTransport = (client: object, transport: DirectTransport) =>
  transports.set(client, transport);

/** A client made elsewhere has none: its calls go through the SDK as it is configured. */
export const transportOf = (client: object): DirectTransport | undefined => transports.get(client);
