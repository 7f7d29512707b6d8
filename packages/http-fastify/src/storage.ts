import { createDynamoDocumentClient, ensureMessagesTable } from '@cruddur/adapters-aws/dynamo';
import { createPgPool, migrate, type PgPool } from '@cruddur/adapters-aws/postgres';
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
      return awsStorage(client, backend.tableName, engines.pool, engines.stop);
    }
    case 'aws': {
      const client = createDynamoDocumentClient({ region: backend.region, endpoint: backend.dynamoEndpoint });
      const pool = createPgPool(backend.connectionUrl);
      return awsStorage(client, backend.tableName, pool, () => pool.end());
    }
  }
}

function awsStorage(
  client: DocumentClient,
  tableName: string,
  pool: PgPool,
  stopEngines: () => Promise<void>,
): Storage {
  return {
    module: awsModule({ documentClient: client, tableName, pool }),
    close: async () => {
      client.destroy();
      await stopEngines();
    },
  };
}
