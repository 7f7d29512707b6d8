import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type DynamoConversations,
  inboxPartition,
  inboxRowItem,
  messageKey,
  messageRowItem,
} from '@cruddur/adapters-aws/dynamo';
import { aParticipant, chatLine, instantAt } from './fixtures.js';

/*
 * Filling 100 000 rows through `append` would take minutes (five calls per send), so the
 * scaling section writes rows directly, built with the adapter's exported row builders
 * (`inboxRowItem`, `messageRowItem`; design §6). `checkRowsMatchAdapter` proves, on every run,
 * that a real send stores exactly those rows.
 */
export type Item = Record<string, unknown>;

export interface Table {
  readonly client: DynamoDBDocumentClient;
  readonly name: string;
}

/** Sends one real message through the adapter and compares what it stored with the builders' rows. */
export const checkRowsMatchAdapter = async (
  table: Table,
  conversations: DynamoConversations,
): Promise<void> => {
  const [sender, recipient] = [aParticipant('probe-a'), aParticipant('probe-b')];
  const groupUuid = await conversations.openGroup([sender.uuid, recipient.uuid], randomUUID());
  const draft = {
    groupUuid,
    messageUuid: randomUUID(),
    sender,
    recipient,
    text: chatLine(0),
    sentAt: instantAt(0),
  };
  const stored = await conversations.append(draft);
  const { Item: message } = await table.client.send(
    new GetCommand({ TableName: table.name, Key: messageKey(groupUuid, stored.createdAt) }),
  );
  const { Items: inbox = [] } = await table.client.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inboxPartition(sender.uuid) },
    }),
  );
  const expected = {
    message: messageRowItem(stored),
    inbox: [
      inboxRowItem({
        ownerUuid: sender.uuid,
        other: recipient,
        groupUuid,
        text: draft.text,
        at: stored.createdAt,
      }),
    ],
  };
  if (!isDeepStrictEqual({ message, inbox }, expected)) {
    throw new Error(
      `The adapter's row builders no longer match what DynamoConversations writes:\n` +
        `adapter: ${JSON.stringify({ message, inbox })}\nbench:   ${JSON.stringify(expected)}`,
    );
  }
};

type PutRequest = { PutRequest: { Item: Item } };

/** BatchWrite in 25-item batches, a few in flight, retrying whatever comes back unprocessed. */
export const putAll = async (table: Table, items: readonly Item[], inFlight = 4): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      let pending: PutRequest[] = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (pending.length > 0) {
        const { UnprocessedItems } = await table.client.send(
          new BatchWriteCommand({ RequestItems: { [table.name]: pending } }),
        );
        pending = (UnprocessedItems?.[table.name] ?? []).flatMap((request) =>
          request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
        );
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
};
