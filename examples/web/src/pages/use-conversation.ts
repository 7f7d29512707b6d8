import { useCallback, useEffect, useRef, useState } from 'react';
import { type CreatedMessage, listMessages, type Message } from '../api/client';
import { subscribeLive } from '../live/live';
import { markRead } from '../live/mark-read';

/** Oldest → newest, each message once (a live event and a refetch may bring the same one). */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const byUuid = new Map(current.map((m) => [m.uuid, m]));
  for (const message of incoming) byUuid.set(message.uuid, message);
  return [...byUuid.values()].sort((a, b) => a.created_at.localeCompare(b.created_at));
}

function asMessage({ message_group_uuid: _group, ...message }: CreatedMessage): Message {
  return message;
}

/** The messages of one group: newest page first, older pages on demand, live additions. */
export function useConversation(groupUuid: string) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [older, setOlder] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadingOlder = useRef(false);
  const firstPageSeen = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const page = await listMessages(groupUuid);
      // Only the first fetch says where older pages start; later ones only bring new messages.
      if (!firstPageSeen.current) setOlder(page.next);
      firstPageSeen.current = true;
      setMessages((current) => mergeMessages(current ?? [], page.items));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [groupUuid]);

  const loadOlder = useCallback(async () => {
    if (loadingOlder.current || !older) return false;
    loadingOlder.current = true;
    try {
      const page = await listMessages(groupUuid, older);
      setMessages((current) => mergeMessages(current ?? [], page.items));
      setOlder(page.next);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      loadingOlder.current = false;
    }
  }, [groupUuid, older]);

  const add = useCallback((message: CreatedMessage) => {
    setMessages((current) => mergeMessages(current ?? [], [asMessage(message)]));
  }, []);

  useEffect(() => {
    setMessages(null);
    setOlder(null);
    firstPageSeen.current = false;
    void refresh();
    return subscribeLive((event) => {
      if (event.kind === 'stale') void refresh();
      else if (event.kind === 'message' && event.message.message_group_uuid === groupUuid) add(event.message);
    });
  }, [groupUuid, refresh, add]);

  // While the conversation is open, what it shows counts as read.
  const newest = messages?.at(-1)?.uuid;
  useEffect(() => {
    if (newest) void markRead(groupUuid);
  }, [groupUuid, newest]);

  return { messages, hasOlder: older !== null, error, loadOlder, add, refresh };
}
