import { createDynamoDocumentClient, DynamoConversations, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { createPgPool, migrate, PgMessageEvents, type PgPool } from '@cruddur/adapters-aws/postgres';
import type { MessageEvents } from '@cruddur/core';
import type { ContainerModule } from 'inversify';
import type { BackendConfig } from './config.js';
import { awsModule, type DocumentClient, memoryModule } from './container.js';
import { startEmbeddedEngines } from './embedded-engines.js';

export interface Storage {
  readonly module: ContainerModule;
  close(): Promise<void>;
}

/**
 * Opens what the backend stores data in and returns the container module binding the storage
 * ports to it. Embedded mode starts dynalite + pg-mem and prepares table and schema; aws mode
 * connects to the configured services (their table and schema are the ops CLI's job).
 */
export async function openStorage(backend: BackendConfig): Promise<Storage> {
  switch (backend.kind) {
    case 'memory':
      return { module: memoryModule(), close: async () => {} };
    case 'embedded': {
      const engines = await startEmbeddedEngines();
      const client = createDynamoDocumentClient({ region: 'local', endpoint: engines.dynamoEndpoint });
      await ensureMessagesTable(client, backend.tableName);
      await migrate(engines.pool);
      // pg-mem has no LISTEN/NOTIFY: one embedded host fans out in its own memory.
      return awsStorage(client, backend.tableName, engines.pool, engines.stop);
    }
    case 'aws': {
      const client = createDynamoDocumentClient({ region: backend.region, endpoint: backend.dynamoEndpoint });
      const pool = createPgPool(backend.connectionUrl);
      // Every host LISTENs on the users database, so a send on one reaches streams on all.
      const messageEvents = await PgMessageEvents.start({
        connectionUrl: backend.connectionUrl,
        pool,
        conversations: new DynamoConversations({ client, tableName: backend.tableName }),
      });
      return awsStorage(client, backend.tableName, pool, async () => {
        await messageEvents.close();
        await pool.end();
      }, messageEvents);
    }
  }
}

function awsStorage(
  client: DocumentClient,
  tableName: string,
  pool: PgPool,
  stopEngines: () => Promise<void>,
  messageEvents?: MessageEvents,
): Storage {
  return {
    module: awsModule({ documentClient: client, tableName, pool, messageEvents }),
    close: async () => {
      client.destroy();
      await stopEngines();
    },
  };
}
