import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { TokenVerifier, UserDirectory } from '@cruddur/core';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { devRoutes } from './dev/dev-routes.js';
import { registerCors } from './edge/cors.js';
import { DEFAULT_EDGE_SETTINGS, type EdgeSettings } from './edge/edge-settings.js';
import { registerLoadShedding } from './edge/load-shedding.js';
import { registerRateLimits } from './edge/rate-limits.js';
import { requestIdOf } from './edge/request-id.js';
import { addResponseHeaders } from './edge/response-headers.js';
import { useStrictJsonParser } from './edge/strict-json.js';
import { timeLimitOptions } from './edge/time-limits.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { withRedactedTickets } from './log-redaction.js';
import { BODY_LIMIT_BYTES, type MessagingPluginOptions, messagingPlugin } from './messaging-plugin.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { validatorCompiler } from './schemas/validator-compiler.js';
import { DEFAULT_WEB_ROOT, webBundle } from './web-bundle.js';

export type { ReadinessCheck } from './routes/health.js';

export interface AppDeps extends Omit<MessagingPluginOptions, 'limits'> {
  readonly tokenVerifier: TokenVerifier;
  readonly readiness: readonly ReadinessCheck[];
  /** Embedded and memory mode only (never aws): the local issuer's JWKS and demo tokens. */
  readonly devIssuer?: { readonly issuer: LocalTokenIssuer; readonly users: UserDirectory } | undefined;
}

export interface AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** How long a readiness check may take before `/readyz` counts it as down. */
  readonly readinessTimeoutMs?: number;
  /** CORS, limits and load shedding; `DEFAULT_EDGE_SETTINGS` (no cross-origin access) when absent. */
  readonly edge?: EdgeSettings;
  /** The browser client's built bundle, served at `/` when it exists (default: `examples/web/dist`). */
  readonly webRoot?: string;
  /** Run by `app.close()` once the server stopped (Fastify `onClose`): releases what the app's ports hold. */
  readonly onClose?: () => Promise<void>;
}

export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/**
 * The whole HTTP app, ready to `listen` or `inject`: the API plugin, health probes, OpenAPI
 * (`/openapi.json`, UI at `/docs`) and, in embedded and memory mode, the dev issuer routes.
 */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const edge = options.edge ?? DEFAULT_EDGE_SETTINGS;
  const app = Fastify({
    logger: withRedactedTickets(options.logger ?? false),
    bodyLimit: BODY_LIMIT_BYTES,
    // Bad percent-encoding in a URL is answered before routing; keep it in the same error shape.
    frameworkErrors: errorHandler,
    genReqId: requestIdOf,
    ...timeLimitOptions(edge.requestTimeoutMs),
  }).withTypeProvider<TypeBoxTypeProvider>();
  const { onClose } = options;
  // Registered first, so it runs after the server and every plugin's own onClose hook.
  if (onClose) app.addHook('onClose', async () => onClose());
  // The plugin sets its own contract on `/api`; the same one covers the host's other routes.
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.removeContentTypeParser('text/plain');
  useStrictJsonParser(app);

  // Order matters: every later refusal (429, 503, 401, 404) must already carry these headers.
  addResponseHeaders(app);
  await registerCors(app, edge.corsOrigins);
  await registerLoadShedding(app, edge);
  const limits = await registerRateLimits(app, edge);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cruddur Messaging',
        version: '0.1.0',
        description:
          'Direct messages between Cruddur users. Errors are `{statusCode, error, code, message}`.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, {
    readiness: deps.readiness,
    readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
  });
  await app.register(messagingPlugin, { ...deps, limits });
  if (deps.devIssuer) await app.register(devRoutes, { ...deps.devIssuer, tokenLimit: limits.devTokens });
  await app.register(webBundle, { root: options.webRoot ?? DEFAULT_WEB_ROOT });

  await app.ready();
  return app;
}
