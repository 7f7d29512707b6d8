import { type GroupMembers, LruTtlCache, MessageGroupNotFoundError } from '@cruddur/core';
import { readMembers, recordMembers } from './group-item.js';
import { groupKey, pairKey } from './keys.js';
import { legacyGroupOfPair, legacyMembers } from './legacy-groups.js';
import type { MessagesTable } from './messages-table.js';
import { readPairGroup, registerPair } from './pair-item.js';

/** Membership and pairs never change once written: cached entries need no expiry, only a size bound. */
const FOREVER = Number.POSITIVE_INFINITY;
/** Refusals may turn into answers (a group opened later under that uuid): keep them briefly. */
const REFUSAL_TTL_MS = 60_000;

/**
 * Groups and their members. Membership never changes once written, so answers are cached
 * (bounded); only misses reach DynamoDB, with strongly consistent reads so a group is
 * visible right after it was opened.
 */
export class GroupDirectory {
  private readonly members: LruTtlCache<string, GroupMembers>;
  private readonly pairs: LruTtlCache<string, string>;
  private readonly refused: LruTtlCache<string, true>;

  constructor(
    private readonly table: MessagesTable,
    cacheSize: number,
  ) {
    this.members = new LruTtlCache(cacheSize, Date.now);
    this.pairs = new LruTtlCache(cacheSize, Date.now);
    this.refused = new LruTtlCache(cacheSize, Date.now);
  }

  /**
   * A group's members. The cache answers members only: a non-member asking for a real group
   * gets the same lookup as anyone asking for a group that does not exist (both reads, in
   * parallel, every time), so response time tells no outsider which groups exist. Repeated
   * refusals are cached per (group, asker), bounded, for real and unknown groups alike.
   */
  async membersOf(groupUuid: string, askedBy?: string): Promise<GroupMembers | null> {
    const cached = this.members.get(groupUuid);
    if (cached && (askedBy === undefined || cached.includes(askedBy))) return cached;
    const refusal = `${groupUuid}|${askedBy}`;
    if (askedBy !== undefined && this.refused.get(refusal)) return cached ?? null;
    const members = await this.lookUp(groupUuid);
    if (members) this.members.set(groupUuid, members, FOREVER);
    if (askedBy !== undefined && !members?.includes(askedBy)) this.refused.set(refusal, true, REFUSAL_TTL_MS);
    return members;
  }

  /**
   * Refuses a send into an existing group unless sender and recipient are its two members, as
   * the memory adapter does; a uuid that names no group passes (the send makes it the pair's
   * group) unless the sender writes to themself. From the cache, so a send into a known group costs no call for it.
   */
  async admit(groupUuid: string, senderUuid: string, recipientUuid: string): Promise<void> {
    if (senderUuid === recipientUuid) throw new MessageGroupNotFoundError(groupUuid);
    const members = await this.membersOf(groupUuid);
    if (members === null) return;
    const [first, second] = members;
    const pair =
      (first === senderUuid && second === recipientUuid) ||
      (first === recipientUuid && second === senderUuid);
    if (!pair) throw new MessageGroupNotFoundError(groupUuid);
  }

  /** The group item and one of its inbox rows (groups only the original wrote have no item). */
  private async lookUp(groupUuid: string): Promise<GroupMembers | null> {
    const [{ Item }, legacy] = await Promise.all([
      this.table.get({ Key: groupKey(groupUuid), ProjectionExpression: 'members', ConsistentRead: true }),
      legacyMembers(this.table, groupUuid),
    ]);
    return readMembers(Item) ?? legacy;
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
    if (groupUuid !== null) {
      this.pairs.set(pk, groupUuid, FOREVER);
      // A pair's group has exactly the pair as members: a send into it then checks them from memory.
      this.members.set(groupUuid, pair, FOREVER);
    }
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
