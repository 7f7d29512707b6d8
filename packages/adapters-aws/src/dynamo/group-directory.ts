import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { GroupMembers } from '@cruddur/core';
import { LruTtlCache } from '../cache/lru-ttl-cache.js';
import { dynamoCall } from './errors.js';
import { readMembers, recordMembers } from './group-item.js';
import { groupKey, pairKey } from './keys.js';
import { legacyGroupOfPair, legacyMembers } from './legacy-groups.js';
import type { MessagesTable } from './messages-table.js';
import { readPairGroup, registerPair } from './pair-item.js';

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
    const { Item } = await dynamoCall(() =>
      this.table.client.send(
        new GetCommand({
          TableName: this.table.name,
          Key: groupKey(groupUuid),
          ProjectionExpression: 'members',
          ConsistentRead: true,
        }),
      ),
    );
    const members = readMembers(Item) ?? (await legacyMembers(this.table, groupUuid));
    if (members) this.members.set(groupUuid, members, FOREVER);
    return members;
  }

  /**
   * The pair item, else a group only the original wrote (found through the members' inbox
   * rows, then registered as the pair's group so the next lookup is one read again).
   */
  async groupOfPair(userA: string, userB: string): Promise<string | null> {
    const { pk } = pairKey(userA, userB);
    const cached = this.pairs.get(pk);
    if (cached) return cached;
    const pair: GroupMembers = [userA, userB];
    let groupUuid = await readPairGroup(this.table, pair);
    if (groupUuid === null) {
      const legacy = await legacyGroupOfPair(this.table, pair);
      if (legacy !== null) groupUuid = (await registerPair(this.table, pair, legacy)).groupUuid;
    }
    if (groupUuid !== null) this.pairs.set(pk, groupUuid, FOREVER);
    return groupUuid;
  }

  /**
   * The pair item first (the lock: one of any number of concurrent opens wins, the others
   * read the winner's group), then the group item's membership, written by winner and losers
   * alike, so a crash between the two writes is repaired by the next open (or the next send).
   */
  async open(members: GroupMembers, proposedUuid: string): Promise<string> {
    const { groupUuid } = await registerPair(this.table, members, proposedUuid);
    await recordMembers(this.table, groupUuid, members);
    this.pairs.set(pairKey(members[0], members[1]).pk, groupUuid, FOREVER);
    this.members.set(groupUuid, members, FOREVER);
    return groupUuid;
  }
}
