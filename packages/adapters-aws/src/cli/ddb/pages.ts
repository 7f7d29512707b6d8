import { ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { MAX_PAGE_LIMIT, type Page, type PageRequest } from '@cruddur/core';
import { dynamoCall } from '../../dynamo/index.js';
import type { DynamoTable } from '../session.js';

export type Item = Record<string, unknown>;

/**
 * Every page of a Scan, following LastEvaluatedKey to the end (the original's scripts read
 * one page and silently stopped at 1 MB).
 */
export async function* scanPages({ client }: DynamoTable, input: ScanCommandInput): AsyncGenerator<Item[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoCall(() =>
      client.send(new ScanCommand({ ...input, ExclusiveStartKey: startKey })),
    );
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}

/**
 * Pages of a port list (inbox, messages) until the end or until `limit` items, asking for
 * the largest page the port allows so a long history takes few round trips.
 */
export const collectPages = async <T>(
  list: (page: PageRequest) => Promise<Page<T>>,
  limit: number | undefined,
): Promise<Array<readonly T[]>> => {
  const pages: Array<readonly T[]> = [];
  let count = 0;
  let cursor: string | null = null;
  do {
    const wanted = limit === undefined ? MAX_PAGE_LIMIT : Math.min(MAX_PAGE_LIMIT, limit - count);
    const page: Page<T> = await list({ limit: wanted, cursor });
    pages.push(page.items);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null && (limit === undefined || count < limit));
  return pages;
};
