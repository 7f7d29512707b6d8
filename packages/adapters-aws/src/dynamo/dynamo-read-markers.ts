import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Instant, MarkerMove, ReadMarkers, SentMark } from '@cruddur/core';
import { isConditionalCheckFailed } from './errors.js';
import { instantOfSortKey, messagesPartition } from './keys.js';
import { MessagesTable } from './messages-table.js';
import { allPages } from './pager.js';
import { LAST_READ_AT, readMarkerKey, readMarkerOf, readMarkerPartition } from './read-marker-item.js';
import { PERSON_UUID, stringAttribute } from './rows.js';

export interface DynamoReadMarkersOptions {
  readonly client: DynamoDBDocumentClient;
  /** The messages table: markers live in their own `READ#` partitions there. */
  readonly tableName: string;
}

/**
 * Messages read by the first call of `sendsAfter`: an unread run is usually short and the
 * reader's own latest message close, so a small first page spares read units; a longer run
 * goes on in full pages (1 MB each).
 */
const FIRST_PAGE = 25;

/**
 * `ReadMarkers` in the messages table. Markers: one Query per owner (paged), one consistent
 * GetItem for one, one conditional update per move. Who sent what after a marker is read from
 * the message rows themselves (newest first, key and sender only), never kept as a counter, so
 * no crash or race between writes can make read state drift.
 */
export class DynamoReadMarkers implements ReadMarkers {
  readonly #table: MessagesTable;

  constructor({ client, tableName }: DynamoReadMarkersOptions) {
    this.#table = new MessagesTable(client, tableName);
  }

  async markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>> {
    const markers = new Map<string, Instant>();
    const pages = this.#table.queryPages({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': readMarkerPartition(ownerUuid) },
      ConsistentRead: true,
    });
    for await (const { Items = [] } of pages) {
      for (const item of Items) {
        const [group, at] = [stringAttribute(item, 'sk'), readMarkerOf(item)];
        if (group !== null && at !== null) markers.set(group, at);
      }
    }
    return markers;
  }

  async markerOf(ownerUuid: string, groupUuid: string): Promise<Instant | null> {
    const { Item } = await this.#table.get({ Key: readMarkerKey(ownerUuid, groupUuid), ConsistentRead: true });
    return readMarkerOf(Item);
  }

  /**
   * One conditional update moves it. When it is already there or later, the failed check
   * returns the stored marker (`ReturnValuesOnConditionCheckFailure`); an engine that does not
   * return it (dynalite) costs one consistent read more.
   */
  async advance(ownerUuid: string, groupUuid: string, to: Instant): Promise<MarkerMove> {
    const Key = readMarkerKey(ownerUuid, groupUuid);
    try {
      await this.#table.update({
        Key,
        UpdateExpression: 'SET #at = :to',
        ConditionExpression: 'attribute_not_exists(#at) OR #at < :to',
        ExpressionAttributeNames: { '#at': LAST_READ_AT },
        ExpressionAttributeValues: { ':to': to },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      return { lastReadAt: to, moved: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const returned = markerInFailedCheck(error);
      if (returned !== null) return { lastReadAt: returned, moved: false };
    }
    // The check failed, so a marker at `to` or later is stored.
    return { lastReadAt: (await this.markerOf(ownerUuid, groupUuid)) ?? to, moved: false };
  }

  async *sendsAfter(groupUuid: string, after: Instant | null): AsyncGenerator<SentMark> {
    let first = true;
    const pages = allPages((ExclusiveStartKey) => {
      const Limit = first ? FIRST_PAGE : undefined;
      first = false;
      return this.#table.query({
        KeyConditionExpression: after === null ? 'pk = :pk' : 'pk = :pk AND sk > :after',
        ExpressionAttributeValues: { ':pk': messagesPartition(groupUuid), ...(after === null ? {} : { ':after': after }) },
        ProjectionExpression: `sk, ${PERSON_UUID}`,
        ScanIndexForward: false,
        ConsistentRead: true,
        ExclusiveStartKey,
        Limit,
      });
    });
    for await (const { Items = [] } of pages) {
      for (const item of Items) {
        const sk = stringAttribute(item, 'sk');
        const createdAt = sk === null ? null : instantOfSortKey(sk);
        const senderUuid = stringAttribute(item, PERSON_UUID);
        // A variant the original wrote may sort after `after` as a string but not in time.
        if (createdAt === null || senderUuid === null || (after !== null && createdAt <= after)) continue;
        yield { createdAt, senderUuid };
      }
    }
  }
}

/** The failed check's item comes back in the low-level shape (`{ S: '…' }`), not unmarshalled. */
const markerInFailedCheck = (error: unknown): Instant | null => {
  const raw = (error as { Item?: Record<string, { S?: unknown } | undefined> }).Item?.[LAST_READ_AT]?.S;
  return typeof raw === 'string' ? readMarkerOf({ [LAST_READ_AT]: raw }) : null;
};
