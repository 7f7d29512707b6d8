import type { Participant } from '@cruddur/core';

/** An item as the DocumentClient returns it: attribute name → plain JS value. */
export type Item = Record<string, unknown>;

const text = (item: Item, name: string): string | null => {
  const value = item[name];
  return typeof value === 'string' ? value : null;
};

/** The uuid of the person a row shows, alone: what filters and membership checks compare. */
export const PERSON_UUID = 'user_uuid';

/**
 * What every row shares: attribute readers, and the person a row shows in the original's
 * spelling (design §6), the same on inbox rows (the other member) and message rows (the sender).
 * Each item's own attributes are named in its module (`message-row.ts`, `inbox-row.ts`, …).
 */
export const participantAttributes = (participant: Participant): Item => ({
  [PERSON_UUID]: participant.uuid,
  user_display_name: participant.displayName,
  user_handle: participant.handle,
});

export const readParticipant = (item: Item): Participant | null => {
  const uuid = text(item, PERSON_UUID);
  const handle = text(item, 'user_handle');
  const displayName = text(item, 'user_display_name');
  return uuid !== null && handle !== null && displayName !== null ? { uuid, handle, displayName } : null;
};

/** The primary key of any item, for cursors and deletes. */
export const keyOf = (item: Item): { pk: string; sk: string } | null => {
  const pk = text(item, 'pk');
  const sk = text(item, 'sk');
  return pk !== null && sk !== null ? { pk, sk } : null;
};

export { text as stringAttribute };
