import type { GroupMembers } from '@cruddur/core';
import { isConditionalCheckFailed } from './errors.js';
import { pairKey } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { stringAttribute } from './rows.js';

/** The group a pair item names (null when there is no pair item). Consistent read. */
export const readPairGroup = async (table: MessagesTable, [a, b]: GroupMembers): Promise<string | null> => {
  const { Item } = await table.get({
    Key: pairKey(a, b),
    ProjectionExpression: 'group_uuid',
    ConsistentRead: true,
  });
  return Item === undefined ? null : stringAttribute(Item, 'group_uuid');
};

/**
 * Registers `groupUuid` as the pair's group unless the pair already has one. The pair item
 * is the lock: `attribute_not_exists(pk)` lets exactly one of any number of concurrent
 * registrations win. Returns the pair's group (ours, or the one registered first) and whether
 * this call created the item.
 */
export const registerPair = async (
  table: MessagesTable,
  members: GroupMembers,
  groupUuid: string,
): Promise<{ groupUuid: string; created: boolean }> => {
  try {
    await table.put({
      Item: { ...pairKey(members[0], members[1]), group_uuid: groupUuid, members: [...members] },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    return { groupUuid, created: true };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const existing = await readPairGroup(table, members);
    // A pair item without a group uuid is corrupt data, not a race: say so.
    if (existing === null) throw new Error('Pair item has no group_uuid', { cause: error });
    return { groupUuid: existing, created: false };
  }
};
