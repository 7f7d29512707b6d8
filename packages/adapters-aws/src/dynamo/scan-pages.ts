import type { DynamoDBDocumentClient, ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { MessagesTable } from './messages-table.js';
import type { Item } from './rows.js';

/**
 * Every page of a Scan of the table, following LastEvaluatedKey to the end (the original's
 * scripts read one page and silently stopped at 1 MB). Errors are translated like the adapter's.
 */
export async function* scanPages(
  target: { readonly client: DynamoDBDocumentClient; readonly tableName: string },
  input: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'> = {},
): AsyncGenerator<Item[]> {
  for await (const { Items = [] } of new MessagesTable(target.client, target.tableName).scanPages(input))
    yield Items;
}
