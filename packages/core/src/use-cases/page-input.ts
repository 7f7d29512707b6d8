import { InvalidPageLimitError } from '../domain/errors.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from '../domain/page.js';

export interface PageInput {
  readonly limit?: number | undefined;
  readonly cursor?: string | null | undefined;
}

export const toPageRequest = ({ limit = DEFAULT_PAGE_LIMIT, cursor }: PageInput): PageRequest => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InvalidPageLimitError(limit, MAX_PAGE_LIMIT);
  }
  // `?cursor=` with nothing after it asks for the first page, like no cursor at all.
  return { limit, cursor: cursor || null };
};
