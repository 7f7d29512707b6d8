import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Instant, MarkerMove, ReadMarkers } from '@cruddur/core';
import { dynamoCall, isConditionalCheckFailed } from './errors.js';
import { messagesPartition } from './keys.js';
import { LAST_READ_AT, readMarkerKey, readMarkerOf, readMarkerPartition } from './read-marker-item.js';
import { type Item, stringAttribute } from './rows.js';

export interface DynamoReadMarkersOptions {
  readonly client: DynamoDBDocumentClient;
  /** The messages table: markers live in their own `READ#` partitions there. */
  readonly tableName: string;
}

/**
 * `ReadMarkers` in the messages table. Markers: one Query per owner (paged), one conditional
 * update per move. Unread counts are counted from the message rows themselves (`Select:
 * COUNT`), never kept as a counter, so no crash or race between writes can make them drift.
 */
export class DynamoReadMarkers implements ReadMarkers {
  constructor(private readonly options: DynamoReadMarkersOptions) {}

  async markersOf(ownerUuid: string): Promise<ReadonlyMap<string, Instant>> {
    const markers = new Map<string, Instant>();
    await this.#pages(
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': readMarkerPartition(ownerUuid) } },
      (items) => {
        for (const item of items) {
          const [group, at] = [stringAttribute(item, 'sk'), readMarkerOf(item)];
          if (group !== null && at !== null) markers.set(group, at);
        }
      },
    );
    return markers;
  }

  /**
   * One conditional update moves it. When it is already there or later, the failed check
   * returns the stored marker (`ReturnValuesOnConditionCheckFailure`); an engine that does not
   * return it (dynalite) costs one consistent read more.
   */
  async advance(ownerUuid: string, groupUuid: string, to: Instant): Promise<MarkerMove> {
    const { client, tableName } = this.options;
    const Key = readMarkerKey(ownerUuid, groupUuid);
    try {
      await dynamoCall(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key,
            UpdateExpression: 'SET #at = :to',
            ConditionExpression: 'attribute_not_exists(#at) OR #at < :to',
            ExpressionAttributeNames: { '#at': LAST_READ_AT },
            ExpressionAttributeValues: { ':to': to },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return { lastReadAt: to, moved: true };
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const returned = markerInFailedCheck(error);
      if (returned !== null) return { lastReadAt: returned, moved: false };
    }
    const { Item } = await dynamoCall(() => client.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true })));
    // The check failed, so a marker at `to` or later is stored.
    return { lastReadAt: readMarkerOf(Item) ?? to, moved: false };
  }

  async countUnread(readerUuid: string, groupUuid: string, after: Instant | null): Promise<number> {
    let count = 0;
    await this.#pages(
      {
        KeyConditionExpression: after === null ? 'pk = :pk' : 'pk = :pk AND sk > :after',
        FilterExpression: 'user_uuid <> :reader',
        ExpressionAttributeValues: {
          ':pk': messagesPartition(groupUuid),
          ':reader': readerUuid,
          ...(after === null ? {} : { ':after': after }),
        },
        Select: 'COUNT',
      },
      (_items, pageCount) => {
        count += pageCount;
      },
    );
    return count;
  }

  /** Every page of a consistent Query (1 MB each), handed to `each`. */
  async #pages(
    input: Pick<
      ConstructorParameters<typeof QueryCommand>[0],
      'KeyConditionExpression' | 'FilterExpression' | 'ExpressionAttributeValues' | 'Select'
    >,
    each: (items: readonly Item[], count: number) => void,
  ): Promise<void> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamoCall(() =>
        this.options.client.send(
          new QueryCommand({ TableName: this.options.tableName, ConsistentRead: true, ExclusiveStartKey: startKey, ...input }),
        ),
      );
      each(page.Items ?? [], page.Count ?? 0);
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
  }
}

/** The failed check's item comes back in the low-level shape (`{ S: '…' }`), not unmarshalled. */
const markerInFailedCheck = (error: unknown): Instant | null => {
  const raw = (error as { Item?: Record<string, { S?: unknown } | undefined> }).Item?.[LAST_READ_AT]?.S;
  return typeof raw === 'string' ? readMarkerOf({ [LAST_READ_AT]: raw }) : null;
};
