import { freshToken } from '../api/session';

/**
 * Moves the caller's read marker to the newest message of an open conversation
 * (`POST /api/message_groups/:uuid/read`, design §4 "Live"). A host without read state answers
 * 404, and then there is nothing to mark: the call is best effort and never shown as an error.
 */
export async function markRead(groupUuid: string): Promise<void> {
  const token = await freshToken();
  if (!token || document.visibilityState !== 'visible') return;
  await fetch(`/api/message_groups/${encodeURIComponent(groupUuid)}/read`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
}
