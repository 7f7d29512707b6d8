import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { HttpRequestError } from '../error-handler.js';
import type { EdgeSettings } from './edge-settings.js';

/** Counts failed authentications per client IP and refuses the IP for the rest of the window. */
export interface AuthFailureLimit {
  /** Throws the 429 if the IP already used up its failures; read-only. */
  refuseIfExhausted(request: FastifyRequest): Promise<void>;
  /** Counts one failure; throws the 429 instead when this one is over the limit. */
  recordFailure(request: FastifyRequest): Promise<void>;
}

export interface RateLimits {
  /** Per caller (their verified sub); runs after the auth hook. */
  readonly sends: onRequestAsyncHookHandler;
  /** Per client IP. */
  readonly devTokens: onRequestAsyncHookHandler;
  readonly authFailures: AuthFailureLimit;
}

const MINUTE_MS = 60_000;

const tooMany = (retryAfterSeconds: number) =>
  new HttpRequestError(429, 'rate_limited', `Too many requests; retry in ${retryAfterSeconds} s.`, {
    'retry-after': String(retryAfterSeconds),
  });

/**
 * `@fastify/rate-limit` windows, counted in this process (several hosts each count their own).
 * The plugin's windows are fixed, so "20 per second, bursts of 40" is 40 per 2-second window.
 */
export async function registerRateLimits(app: FastifyInstance, settings: EdgeSettings): Promise<RateLimits> {
  await app.register(rateLimit, {
    global: false,
    // Only Retry-After: the X-RateLimit-* headers would cost every response a few bytes for no client.
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_request, context) => tooMany(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  const sends = app.rateLimit({
    max: settings.sendBurst,
    timeWindow: Math.ceil((settings.sendBurst / settings.sendsPerSecond) * 1000),
    keyGenerator: (request) => `send:${request.cruddurIdentity?.sub ?? request.ip}`,
  });
  const devTokens = app.rateLimit({ max: settings.devTokensPerMinute, timeWindow: MINUTE_MS });
  const failures = app.createRateLimit({
    max: settings.authFailuresPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (request) => `auth-failure:${request.ip}`,
  });
  const throwIfExceeded = (result: Awaited<ReturnType<typeof failures>>) => {
    if (!result.isAllowed && result.isExceeded) throw tooMany(Math.max(1, result.ttlInSeconds));
  };
  return {
    sends,
    devTokens,
    authFailures: {
      refuseIfExhausted: async (request) => {
        const result = await failures(request, { increment: false });
        // A read of an exhausted window reports current === max, not above it.
        if (!result.isAllowed && result.remaining === 0) throw tooMany(Math.max(1, result.ttlInSeconds));
      },
      recordFailure: async (request) => throwIfExceeded(await failures(request)),
    },
  };
}
