// `@cruddur/http-fastify/composition`: the composition root's container modules without the
// HTTP host (no Fastify, no swagger), for the other driving adapter, the ops CLI. `composeHost`
// (`./host`) builds on the same modules.
export { AwsBackend, type AwsBackendSettings, type ClosablePool } from './aws-backend.js';
export {
  type AwsResources,
  awsModule,
  createContainer,
  type DocumentClient,
  type MessagesTableRef,
  memoryModule,
  runtimeModule,
  TOKENS,
} from './container.js';
export type { ServiceId, Services } from './service-ids.js';
