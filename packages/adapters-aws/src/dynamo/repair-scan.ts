import type { GroupMembers, Participant } from '@cruddur/core';
import { type LastMessage, readLastMessage, readMembers } from './group-item.js';
import { groupOfInboxRow } from './inbox-row.js';
import {
  GROUP_PARTITION_PREFIX,
  groupOfGroupPartition,
  type ItemKey,
  MESSAGE_GROUP_INDEX,
  ownerOfInboxPartition,
  PAIR_PARTITION_PREFIX,
  pairKey,
} from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { type Item, keyOf, PERSON_UUID, readParticipant, stringAttribute } from './rows.js';

/** An inbox row as the sweep sees it: its key and the text it shows. */
export type ScannedRow = ItemKey & { readonly text: string | null };

/** What the sweep knows about one group after scanning the table once. */
export interface GroupState {
  readonly groupUuid: string;
  readonly rows: ScannedRow[];
  /** Participants as the inbox rows and the marker show them, by user uuid. */
  readonly participants: Map<string, Participant>;
  /** Members on the group item; null for groups only the original system wrote. */
  itemMembers: GroupMembers | null;
  /** Members as the inbox rows name them (owner + other). */
  rowMembers: GroupMembers | null;
  marker: LastMessage | null;
  /** Whether a pair item for the members exists (any group). */
  pairRegistered: boolean;
}

const scanAll = async (
  table: MessagesTable,
  input: Parameters<MessagesTable['scanPages']>[0],
  onItem: (item: Item) => void,
) => {
  for await (const { Items = [] } of table.scanPages(input)) for (const item of Items) onItem(item);
};

/**
 * Two scans: the group index (it holds exactly the inbox rows, so this is cheap next to a
 * table scan) and the group and pair items (a filtered table scan; there is no index on them).
 */
export const scanGroups = async (table: MessagesTable): Promise<GroupState[]> => {
  const groups = new Map<string, GroupState>();
  const stateOf = (groupUuid: string): GroupState => {
    const existing = groups.get(groupUuid);
    if (existing) return existing;
    const created: GroupState = {
      groupUuid,
      rows: [],
      participants: new Map(),
      itemMembers: null,
      rowMembers: null,
      marker: null,
      pairRegistered: false,
    };
    groups.set(groupUuid, created);
    return created;
  };
  await scanAll(table, { IndexName: MESSAGE_GROUP_INDEX }, (item) => {
    const groupUuid = groupOfInboxRow(item);
    const key = keyOf(item);
    if (groupUuid === null || key === null) return;
    const state = stateOf(groupUuid);
    state.rows.push({ ...key, text: stringAttribute(item, 'message') });
    const owner = ownerOfInboxPartition(key.pk);
    // Truthy, not just present: an empty handle or name makes no usable participant.
    const participant = readParticipant(item);
    if (participant?.uuid && participant.handle && participant.displayName) {
      state.participants.set(participant.uuid, participant);
    }
    const uuid = stringAttribute(item, PERSON_UUID);
    if (owner && uuid && owner !== uuid) state.rowMembers ??= [owner, uuid];
  });
  const pairs = new Set<string>();
  await scanAll(
    table,
    {
      FilterExpression: 'begins_with(pk, :group) OR begins_with(pk, :pair)',
      ExpressionAttributeValues: { ':group': GROUP_PARTITION_PREFIX, ':pair': PAIR_PARTITION_PREFIX },
    },
    (item) => {
      const pk = stringAttribute(item, 'pk') ?? '';
      if (pk.startsWith(PAIR_PARTITION_PREFIX)) pairs.add(pk);
      const groupUuid = groupOfGroupPartition(pk);
      if (groupUuid === null) return;
      const state = stateOf(groupUuid);
      state.itemMembers = readMembers(item);
      state.marker = readLastMessage(groupUuid, item);
      for (const p of state.marker ? [state.marker.sender, state.marker.recipient] : [])
        state.participants.set(p.uuid, p);
    },
  );
  const states = [...groups.values()];
  for (const state of states) {
    const members = state.itemMembers ?? state.rowMembers;
    state.pairRegistered = members !== null && pairs.has(pairKey(members[0], members[1]).pk);
  }
  return states;
};
