export { type CountablePool, CountingPool } from './counting-pool.js';
export { type DataDir, openDataDir } from './data-dir.js';
export { type DynamoEngine, startDynalite } from './dynalite.js';
export { type DynaliteProcess, startDynaliteProcess } from './dynalite-process.js';
export { countDynamoCalls, type DynamoCallCounter } from './dynamo-call-counter.js';
export { startDynamoDbLocal } from './dynamodb-local.js';
export {
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from './embedded-postgres.js';
export { freePort } from './free-port.js';
export { dynamoDbLocalRunnable, javaAvailable } from './java-gate.js';
export { ListUsersStub, type StubUser } from './list-users-stub.js';
export { type ClosablePgPool, pgMemDatabase, pgMemPool } from './pg-mem.js';
export { type EventStreamClient, openEventStream, type SseEvent } from './sse-client.js';
export { startTcpProxy, type TcpProxy, type TcpProxyOptions } from './tcp-proxy.js';
