import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { TokenVerifier, UserDirectory } from '@cruddur/core';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { devRoutes } from './dev/dev-routes.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { type MessagingPluginOptions, messagingPlugin } from './messaging-plugin.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { validatorCompiler } from './schemas/validator-compiler.js';
import { DEFAULT_WEB_ROOT, webBundle } from './web-bundle.js';

export type { ReadinessCheck } from './routes/health.js';

export interface AppDeps extends MessagingPluginOptions {
  readonly tokenVerifier: TokenVerifier;
  readonly readiness: readonly ReadinessCheck[];
  /** Embedded and memory mode only (never aws): the local issuer's JWKS and demo tokens. */
  readonly devIssuer?: { readonly issuer: LocalTokenIssuer; readonly users: UserDirectory } | undefined;
}

export interface AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** How long a readiness check may take before `/readyz` counts it as down. */
  readonly readinessTimeoutMs?: number;
  /** The browser client's built bundle, served at `/` when it exists (default: `examples/web/dist`). */
  readonly webRoot?: string;
}

/** A message is at most 1024 code points (≤ 4 KiB of UTF-8, ≤ 12 KiB \u-escaped): 16 KiB is ample. */
export const BODY_LIMIT_BYTES = 16 * 1024;
export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/**
 * The whole HTTP app, ready to `listen` or `inject`: the API plugin, health probes, OpenAPI
 * (`/openapi.json`, UI at `/docs`) and, in embedded and memory mode, the dev issuer routes.
 */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Bad percent-encoding in a URL is answered before routing; keep it in the same error shape.
    frameworkErrors: errorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // The API speaks JSON only: a text/plain body is a 415, not a string that fails the schema.
  app.removeContentTypeParser('text/plain');

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
  await app.register(messagingPlugin, deps);
  if (deps.devIssuer) await app.register(devRoutes, deps.devIssuer);
  await app.register(webBundle, { root: options.webRoot ?? DEFAULT_WEB_ROOT });

  await app.ready();
  return app;
}
