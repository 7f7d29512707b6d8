import { isNetworkErrorCode } from '../network-errors.js';

/**
 * The SDK's standard retry strategy, kept for the direct transport: exponential backoff with full
 * jitter (base 100 ms, 500 ms when throttled, at most 20 s) for throttling, 5xx, timeouts and
 * socket errors, and a retry quota per client so that an engine that is down gets one try per
 * call, not three, once the quota is spent (it refills with successes).
 */
const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'Throttling',
  'ThrottledException',
  'TransactionInProgressException',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const [BASE_MS, THROTTLED_BASE_MS, MAX_DELAY_MS] = [100, 500, 20_000];
const [QUOTA, RETRY_COST, TIMEOUT_COST] = [500, 5, 10];

interface Failure {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

type Kind = 'throttled' | 'timeout' | 'transient' | null;

const kindOf = (error: unknown): Kind => {
  const { name, code, $retryable, $metadata } = (error ?? {}) as Failure;
  if (typeof name === 'string' && THROTTLING.has(name)) return 'throttled';
  if ((typeof name === 'string' && TIMEOUTS.has(name)) || code === 'ETIMEDOUT') return 'timeout';
  const status = $metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return 'transient';
  if (isNetworkErrorCode(code) || $retryable) return 'transient';
  return null;
};

export class RetryPolicy {
  private tokens = QUOTA;

  constructor(readonly maxAttempts: number) {}

  /** Runs `attempt` until it succeeds, fails for good, or the attempts or the quota run out. */
  async run<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        const result = await attempt();
        this.tokens = Math.min(QUOTA, this.tokens + 1);
        return result;
      } catch (error) {
        const kind = kindOf(error);
        const cost = kind === 'timeout' ? TIMEOUT_COST : RETRY_COST;
        if (kind === null || tries >= this.maxAttempts || this.tokens < cost) throw error;
        this.tokens -= cost;
        const base = kind === 'throttled' ? THROTTLED_BASE_MS : BASE_MS;
        const delay = Math.floor(Math.min(MAX_DELAY_MS, Math.random() * 2 ** tries * base));
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
