import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConversationsHarness } from '@cruddur/core/testing';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
  inboxPartition,
} from '../../src/dynamo/index.js';
import { MessagesTable } from '../../src/dynamo/messages-table.js';
import { crashes } from './client-hooks.js';

export interface DynamoHarness extends ConversationsHarness {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly conversations: DynamoConversations;
  /** A second adapter on the same table, with its own client, whose process a test can kill. */
  crashingAdapter(): { conversations: DynamoConversations; crash: ReturnType<typeof crashes> };
}

/** Every inbox row of the owner as stored, newest first: duplicates and leftovers included. */
export const storedInboxRows = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerUuid: string,
) => {
  const rows: Array<{ groupUuid: string; lastMessage: string }> = [];
  const pages = new MessagesTable(client, tableName).queryPages({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': inboxPartition(ownerUuid) },
    ScanIndexForward: false,
  });
  for await (const { Items = [] } of pages) {
    for (const item of Items)
      rows.push({ groupUuid: String(item.message_group_uuid), lastMessage: String(item.message) });
  }
  return rows;
};

/** A fresh table on the engine and an adapter over it (with its own client, to count or fault). */
export const dynamoHarness = async (
  endpoint: string,
  { prepare }: { prepare?: (client: DynamoDBDocumentClient) => void } = {},
): Promise<DynamoHarness> => {
  // Correctness suites, not latency ones: hundreds of parallel calls on a shared 2-core box can
  // take longer than the production timeouts (errors.test.ts pins those). The longest: 200 sends
  // at one instant (read-markers contract), whose conditional puts all queue on one item in the
  // in-process dynalite; a call at the back of that queue waited over 20 s in a full CI run.
  const newClient = () =>
    createDynamoDocumentClient({
      region: 'local',
      endpoint,
      connectionTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
    });
  const client = newClient();
  const tableName = `messages-${randomUUID()}`;
  await ensureMessagesTable(client, tableName);
  prepare?.(client);
  const conversations = new DynamoConversations({ client, tableName });
  return {
    client,
    tableName,
    conversations,
    crashingAdapter: () => {
      const own = newClient();
      return { conversations: new DynamoConversations({ client: own, tableName }), crash: crashes(own) };
    },
    // Rows as stored once the adapter's background inbox work is done.
    backdoor: {
      storedInboxRows: async (ownerUuid) => {
        await conversations.drain();
        return storedInboxRows(client, tableName, ownerUuid);
      },
    },
  };
};
