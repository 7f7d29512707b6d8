export {
  type AppDeps,
  type AppOptions,
  BODY_LIMIT_BYTES,
  buildApp,
  DEFAULT_READINESS_TIMEOUT_MS,
  type ReadinessCheck,
} from './app.js';
export { type BackendConfig, type ConfigResult, type HostConfig, loadConfig } from './config.js';
export {
  type AwsResources,
  awsModule,
  createContainer,
  memoryModule,
  resolveAppDeps,
  runtimeModule,
  TOKENS,
  useCaseModule,
} from './container.js';
export { DOMAIN_ERROR_STATUS, errorHandler, notFoundHandler } from './error-handler.js';
export { createHost, type RunningHost } from './host.js';
export { type MessagingPluginOptions, messagingPlugin } from './messaging-plugin.js';
export { validatorCompiler } from './schemas/validator-compiler.js';
export { withTokenCache } from './tokens.js';
