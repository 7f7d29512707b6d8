import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { HttpRequestError } from '../error-handler.js';
import type { EdgeSettings } from './edge-settings.js';

/** Long enough for the loop to drain, short enough that a client does not give up. */
const RETRY_AFTER_SECONDS = 2;
/** Readings in a row over the bound that count as saturation rather than one stall. */
const SUSTAINED_READINGS = 3;

/**
 * When the event loop is saturated every request waits behind the rest, and SDK and client
 * timeouts start firing; answering 503 at once is kinder than a timeout. Saturated means
 * sustained: under-pressure reports the mean delay of its last sample, and a single stall
 * (start-up, a long GC) fills a sample on its own, so requests are shed only after the reading
 * stayed over the bound for `SUSTAINED_READINGS` checks a sample interval apart. Health probes
 * are exempt (see routes/health.ts): a busy host is alive, and its readiness has its own checks.
 */
export async function registerLoadShedding(app: FastifyInstance, settings: EdgeSettings): Promise<void> {
  if (settings.maxEventLoopDelayMs === 0) return;
  let overReadings = 0;
  await app.register(underPressure, {
    maxEventLoopDelay: settings.maxEventLoopDelayMs,
    sampleInterval: settings.loadSampleIntervalMs,
    // Called only while the latest reading is over the bound.
    pressureHandler: async () => {
      if (overReadings < SUSTAINED_READINGS) return;
      throw new HttpRequestError(503, 'overloaded', 'The service is overloaded; try again shortly.', {
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
    },
  });
  const timer = setInterval(() => {
    const over = app.memoryUsage().eventLoopDelay > settings.maxEventLoopDelayMs;
    overReadings = over ? overReadings + 1 : 0;
  }, settings.loadSampleIntervalMs).unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Route config that lets a request through whatever the load (under-pressure reads it). */
export const EXEMPT_FROM_LOAD_SHEDDING = { pressureHandler: () => undefined } as const;
