export { CountingPool } from './counting-pool.js';
export { type DynamoEngine, startDynalite } from './dynalite.js';
export { countDynamoCalls, type DynamoCallCounter } from './dynamo-call-counter.js';
export { startDynamoDbLocal } from './dynamodb-local.js';
export { type EmbeddedPostgresServer, startEmbeddedPostgres } from './embedded-postgres.js';
export { freePort } from './free-port.js';
export { dynamoDbLocalRunnable, javaAvailable } from './java-gate.js';
export { ListUsersStub, type StubUser } from './list-users-stub.js';
export { type ClosablePgPool, pgMemDatabase, pgMemPool } from './pg-mem.js';
