import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
} from '@cruddur/adapters-aws/dynamo';
import { migrate, PgMessageEvents } from '@cruddur/adapters-aws/postgres';
import type { TokenVerifier } from '@cruddur/core';
import type { ContainerModule } from 'inversify';
import type { BackendConfig } from './config.js';
import { AwsBackend } from './aws-backend.js';
import { awsModule, memoryModule } from './container.js';
import { type EmbeddedEngines, startEnginesOf } from './embedded-engines.js';

export interface Storage {
  /** The container module binding every port to this storage and the given token verifier. */
  readonly module: (tokenVerifier: TokenVerifier) => ContainerModule;
  /** The embedded engines (embedded mode only): where their data lives, what dynalite served. */
  readonly embedded: Pick<EmbeddedEngines, 'dataDir' | 'dynamoRequests' | 'dynamoMemory'> | null;
  close(): Promise<void>;
}

/**
 * Opens what the backend stores data in and returns the container module binding the storage
 * ports to it. Embedded mode starts the engines (on the data directory, if any) and prepares
 * table and schema, both idempotent; aws mode connects to the configured services (their table
 * and schema are the ops CLI's job).
 */
export async function openStorage(
  backend: BackendConfig,
  startedEngines?: Promise<EmbeddedEngines>,
): Promise<Storage> {
  switch (backend.kind) {
    case 'memory':
      return { module: memoryModule, embedded: null, close: async () => {} };
    case 'embedded': {
      const engines = await (startedEngines ?? startEnginesOf(backend));
      // The engines share this machine's CPU with the host: on a loaded laptop a slow local
      // answer is not an outage, so the bounds are wider than against a network service.
      const client = createDynamoDocumentClient({
        region: 'local',
        endpoint: engines.dynamoEndpoint,
        connectionTimeoutMs: 5_000,
        requestTimeoutMs: 10_000,
      });
      try {
        // Two engines, two idempotent checks: at once (startup time).
        await Promise.all([ensureMessagesTable(client, backend.tableName), migrate(engines.pool)]);
      } catch (error) {
        client.destroy();
        await engines.stop();
        throw error;
      }
      // One embedded host: its streams fan out in its own memory (no second host shares its data directory).
      const table = { client, tableName: backend.tableName };
      return {
        module: (tokenVerifier) => awsModule({ table: () => table, pool: () => engines.pool, tokenVerifier }),
        embedded: engines,
        close: async () => {
          client.destroy();
          await engines.stop();
        },
      };
    }
    case 'aws': {
      const { region, dynamoEndpoint: endpoint, tableName, connectionUrl } = backend;
      const aws = new AwsBackend({ table: () => ({ region, endpoint, tableName }), connectionUrl: () => connectionUrl });
      // One adapter instance: the fan-out reads messages back through the same one the routes use.
      const conversations = new DynamoConversations(aws.table());
      // Every host LISTENs on the users database, so a send on one reaches streams on all.
      const messageEvents = await PgMessageEvents.start({ connectionUrl, pool: aws.pool(), conversations }).catch(
        async (error: unknown) => {
          await aws.close();
          throw error;
        },
      );
      return {
        module: (tokenVerifier) => aws.module({ tokenVerifier, conversations, messageEvents }),
        embedded: null,
        close: async () => {
          await messageEvents.close();
          await aws.close();
        },
      };
    }
  }
}
