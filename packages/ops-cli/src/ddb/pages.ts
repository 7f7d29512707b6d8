import { MAX_PAGE_LIMIT, type Page, type PageRequest } from '@cruddur/core';

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
