export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 50;

/** `cursor` is opaque: only the adapter that issued it can read it. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Absent (null) on the last page. */
  readonly nextCursor: string | null;
}
