import type { Item } from './rows.js';

/** One page of a Query or Scan as DynamoDB answers it. */
export interface ItemPage {
  readonly Items?: Item[] | undefined;
  readonly LastEvaluatedKey?: Record<string, unknown> | undefined;
}

/**
 * Every page, following `LastEvaluatedKey` until DynamoDB says there is no more (a single
 * call stops at 1 MB; the original's scripts read one page and silently stopped there).
 * `fetch` makes one call from a start key; a caller that has what it needs stops iterating.
 * A page without `LastEvaluatedKey` is the last one.
 */
export async function* allPages(
  fetch: (startKey: Record<string, unknown> | undefined) => Promise<ItemPage>,
): AsyncGenerator<ItemPage> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await fetch(startKey);
    yield page;
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}
