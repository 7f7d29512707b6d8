import type { GroupMembers, Instant, Message, ReadMarkerMoved } from '@cruddur/core';

/**
 * What one NOTIFY carries: ids only (group, instant, message, members), about 170 bytes
 * whatever the message says, far below PostgreSQL's 8000-byte payload limit. A host that
 * has subscribers for a member reads the message itself from the conversations table.
 */
export interface MessageNotification {
  readonly groupUuid: string;
  readonly createdAt: Instant;
  readonly messageUuid: string;
  readonly members: GroupMembers;
}

export const encodeNotification = (message: Message, members: GroupMembers): string =>
  JSON.stringify({ g: message.groupUuid, t: message.createdAt, u: message.uuid, m: members });

/** A moved read marker travels whole (about 250 bytes: ids, a handle, an instant). */
export interface ReadNotification {
  readonly read: ReadMarkerMoved;
  readonly members: GroupMembers;
}

export const encodeReadNotification = ({ groupUuid, reader, lastReadAt }: ReadMarkerMoved, members: GroupMembers): string =>
  JSON.stringify({ k: 'read', g: groupUuid, t: lastReadAt, u: reader.uuid, h: reader.handle, m: members });

/** Null for anything this code did not write (another sender on the channel, a newer format). */
export const decodeNotification = (payload: string | undefined): MessageNotification | ReadNotification | null => {
  try {
    const { k, g, t, u, h, m } = JSON.parse(payload ?? '') as Record<string, unknown>;
    if (typeof g !== 'string' || typeof t !== 'string' || typeof u !== 'string') return null;
    const [first, second, ...rest] = Array.isArray(m) ? (m as unknown[]) : [];
    if (typeof first !== 'string' || typeof second !== 'string' || rest.length > 0) return null;
    const members: GroupMembers = [first, second];
    if (k === undefined) return { groupUuid: g, createdAt: t, messageUuid: u, members };
    if (k !== 'read' || typeof h !== 'string') return null;
    return { read: { groupUuid: g, reader: { uuid: u, handle: h }, lastReadAt: t }, members };
  } catch {
    return null;
  }
};
