import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { HttpRequestError } from '../error-handler.js';
import type { EdgeSettings } from './edge-settings.js';

/** Long enough for the loop to drain, short enough that a client does not give up. */
const RETRY_AFTER_SECONDS = 2;

/**
 * When the event loop is saturated every request waits behind the rest, and SDK and client
 * timeouts start firing; answering 503 at once is kinder than a timeout. Health probes are
 * exempt (see routes/health.ts): a busy host is alive, and its readiness has its own checks.
 */
export async function registerLoadShedding(app: FastifyInstance, settings: EdgeSettings): Promise<void> {
  if (settings.maxEventLoopDelayMs === 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: settings.maxEventLoopDelayMs,
    sampleInterval: settings.loadSampleIntervalMs,
    pressureHandler: async () => {
      throw new HttpRequestError(503, 'overloaded', 'The service is overloaded; try again shortly.', {
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
    },
  });
}

/** Route config that lets a request through whatever the load (under-pressure reads it). */
export const EXEMPT_FROM_LOAD_SHEDDING = { pressureHandler: () => undefined } as const;
