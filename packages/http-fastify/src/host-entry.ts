// `@cruddur/http-fastify/host`: the whole host (composition root, storage, tokens, OpenAPI,
// health, dev routes) for `npm start`, the bin, tests and the bench.
export {
  type AppDeps,
  type AppOptions,
  buildApp,
  DEFAULT_READINESS_TIMEOUT_MS,
  type ReadinessCheck,
} from './app.js';
export { type BackendConfig, type ConfigResult, type HostConfig, loadConfig } from './config.js';
export { AwsBackend, type AwsBackendSettings, type ClosablePool } from './aws-backend.js';
export {
  type AwsResources,
  awsModule,
  type MessagesTableRef,
  createContainer,
  memoryModule,
  resolveAppDeps,
  runtimeModule,
  TOKENS,
  useCaseModule,
} from './container.js';
export { DEFAULT_EDGE_SETTINGS, type EdgeSettings } from './edge/edge-settings.js';
export { composeHost, type HostOverrides, type RunningHost } from './host.js';
export { validatorCompiler } from './schemas/validator-compiler.js';
export { type ServiceId, type Services, typedBind } from './service-ids.js';
export type { Storage } from './storage.js';
export { withTokenCache } from './tokens.js';
