import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { EXEMPT_FROM_LOAD_SHEDDING } from '../edge/load-shedding.js';
import { LivenessJson, ReadinessJson } from '../schemas/health.js';

/** One dependency the service needs to serve traffic. `check` throws (or hangs) when it is down. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface HealthRoutesOptions {
  readonly readiness: readonly ReadinessCheck[];
  /** A hung engine must not hang the probe: each check counts as down after this long. */
  readonly readinessTimeoutMs: number;
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (app, options) => {
  // Probes arrive every few seconds; only their failures are worth a log line. A busy host is
  // still alive and its readiness has its own checks, so probes are never shed for load.
  const routeOptions = {
    logLevel: 'warn',
    config: EXEMPT_FROM_LOAD_SHEDDING,
    schema: { tags: ['health'] },
  } as const;

  app.get(
    '/healthz',
    {
      ...routeOptions,
      schema: { ...routeOptions.schema, summary: 'Liveness', response: { 200: LivenessJson } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      ...routeOptions,
      schema: {
        ...routeOptions.schema,
        summary: 'Readiness: every dependency answers',
        response: { 200: ReadinessJson, 503: ReadinessJson },
      },
    },
    async (request, reply) => {
      const results = await Promise.all(
        options.readiness.map(async (dependency) => {
          const up = await answersWithin(dependency, options.readinessTimeoutMs, request.log);
          return [dependency.name, up ? 'up' : 'down'] as const;
        }),
      );
      const ready = results.every(([, state]) => state === 'up');
      if (!ready) reply.code(503).header('retry-after', '5');
      return {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        checks: Object.fromEntries(results),
      };
    },
  );
};

async function answersWithin(
  dependency: ReadinessCheck,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([dependency.check(), timeout]);
    return true;
  } catch (error) {
    log.warn({ err: error, dependency: dependency.name }, 'readiness check failed');
    return false;
  } finally {
    clearTimeout(timer);
  }
}
