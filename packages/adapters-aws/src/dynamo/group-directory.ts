import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupMembers } from '@cruddur/core';
import { LruTtlCache } from '../cache/lru-ttl-cache.js';
import { dynamoCall, isConditionalCheckFailed } from './errors.js';
import { readMembers } from './group-item.js';
import { groupKey, MESSAGE_GROUP_INDEX, ownerOfInboxPartition, pairKey } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { type Item, stringAttribute } from './rows.js';

/** Membership and pairs never change once written: cached entries need no expiry, only a size bound. */
const FOREVER = Number.POSITIVE_INFINITY;

/**
 * Groups and their members. Membership never changes once written, so answers are cached
 * (bounded); only misses reach DynamoDB, with strongly consistent reads so a group is
 * visible right after it was opened.
 */
export class GroupDirectory {
  private readonly members: LruTtlCache<string, GroupMembers>;
  private readonly pairs: LruTtlCache<string, string>;

  constructor(
    private readonly table: MessagesTable,
    cacheSize: number,
  ) {
    this.members = new LruTtlCache(cacheSize, Date.now);
    this.pairs = new LruTtlCache(cacheSize, Date.now);
  }

  async membersOf(groupUuid: string): Promise<GroupMembers | null> {
    const cached = this.members.get(groupUuid);
    if (cached) return cached;
    const item = await this.get(groupKey(groupUuid), 'members');
    const members = readMembers(item) ?? (await this.legacyMembers(groupUuid));
    if (members) this.members.set(groupUuid, members, FOREVER);
    return members;
  }

  async groupOfPair(userA: string, userB: string): Promise<string | null> {
    const { pk } = pairKey(userA, userB);
    const cached = this.pairs.get(pk);
    if (cached) return cached;
    const groupUuid = stringAttribute(
      (await this.get(pairKey(userA, userB), 'group_uuid')) ?? {},
      'group_uuid',
    );
    if (groupUuid !== null) this.pairs.set(pk, groupUuid, FOREVER);
    return groupUuid;
  }

  /**
   * The pair item is the lock: `attribute_not_exists(pk)` lets exactly one of any number of
   * concurrent opens create it; every other open reads the winner's group. The group item
   * (membership) is written second and idempotently, by winner and losers alike, so a crash
   * between the two writes is repaired by the next open (or by the next send's marker update).
   */
  async open(members: GroupMembers, proposedUuid: string): Promise<string> {
    const key = pairKey(members[0], members[1]);
    let groupUuid = proposedUuid;
    try {
      await dynamoCall(() =>
        this.table.client.send(
          new PutCommand({
            TableName: this.table.name,
            Item: { ...key, group_uuid: proposedUuid, members: [...members] },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      const existing = stringAttribute((await this.get(key, 'group_uuid')) ?? {}, 'group_uuid');
      // A pair item without a group uuid is corrupt data, not a race: say so instead of
      // surfacing the SDK's condition failure.
      if (existing === null) throw new Error(`Pair item ${key.pk} has no group_uuid`, { cause: error });
      groupUuid = existing;
    }
    await dynamoCall(() =>
      this.table.client.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: groupKey(groupUuid),
          // if_not_exists: membership is immutable; never rewrite what a first open stored.
          UpdateExpression: 'SET members = if_not_exists(members, :members)',
          ExpressionAttributeValues: { ':members': [...members] },
        }),
      ),
    );
    this.pairs.set(key.pk, groupUuid, FOREVER);
    this.members.set(groupUuid, members, FOREVER);
    return groupUuid;
  }

  private async get(key: { pk: string; sk: string }, projection: string): Promise<Item | undefined> {
    const { Item } = await dynamoCall(() =>
      this.table.client.send(
        new GetCommand({
          TableName: this.table.name,
          Key: key,
          ProjectionExpression: projection,
          ConsistentRead: true,
        }),
      ),
    );
    return Item;
  }

  /** Groups the original system created have no group item: their inbox rows name both members. */
  private async legacyMembers(groupUuid: string): Promise<GroupMembers | null> {
    const { Items = [] } = await dynamoCall(() =>
      this.table.client.send(
        new QueryCommand({
          TableName: this.table.name,
          IndexName: MESSAGE_GROUP_INDEX,
          KeyConditionExpression: 'message_group_uuid = :g',
          ExpressionAttributeValues: { ':g': groupUuid },
          Limit: 1,
        }),
      ),
    );
    const [row] = Items;
    const owner = ownerOfInboxPartition(stringAttribute(row ?? {}, 'pk') ?? '');
    const other = stringAttribute(row ?? {}, 'user_uuid');
    return owner !== null && other !== null && owner !== other ? [owner, other] : null;
  }
}
