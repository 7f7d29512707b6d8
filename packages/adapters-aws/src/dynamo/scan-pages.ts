import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoCall } from './errors.js';
import type { Item } from './rows.js';

/**
 * Every page of a Scan of the table, following LastEvaluatedKey to the end (the original's
 * scripts read one page and silently stopped at 1 MB). Errors are translated like the adapter's.
 */
export async function* scanPages(
  target: { readonly client: DynamoDBDocumentClient; readonly tableName: string },
  input: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'> = {},
): AsyncGenerator<Item[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoCall(() =>
      target.client.send(
        new ScanCommand({ ...input, TableName: target.tableName, ExclusiveStartKey: startKey }),
      ),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
