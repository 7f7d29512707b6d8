import { type Instant, isInstant } from '@cruddur/core';
import type { ItemKey } from './keys.js';
import { type Item, stringAttribute } from './rows.js';

/**
 * A read marker's item, in a partition per reader: `READ#<owner uuid>`, sort key = the group
 * uuid, so one Query returns all of an owner's markers (about 90 bytes each: one call reads
 * over 10 000). The original's queries (`pk = GRP#…`, `pk = MSG#…`) never match it, and it
 * carries no `message_group_uuid`, so it stays out of the group index.
 */
const READ_PREFIX = 'READ#';

export const readMarkerPartition = (ownerUuid: string): string => `${READ_PREFIX}${ownerUuid}`;

export const readMarkerKey = (ownerUuid: string, groupUuid: string): ItemKey => ({
  pk: readMarkerPartition(ownerUuid),
  sk: groupUuid,
});

/** The attribute the forward-only condition compares: fixed-width instants order as strings. */
export const LAST_READ_AT = 'last_read_at';

/** The marker an item holds; null when absent or not a marker. */
export const readMarkerOf = (item: Item | undefined): Instant | null => {
  const at = item === undefined ? null : stringAttribute(item, LAST_READ_AT);
  return at !== null && isInstant(at) ? at : null;
};
