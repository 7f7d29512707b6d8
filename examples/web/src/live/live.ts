import type { CreatedMessage } from '../api/client';
import { freshToken, session, setSession } from '../api/session';

/**
 * One live feed for the whole page. A listener gets each new message, each moved read marker
 * (`event: read`, from a host with read state), and `stale` meaning "you may have missed
 * something, fetch again" (each time the stream opens, and every tick in polling mode).
 *
 * The host's event stream: `POST /api/events/ticket` → `{ticket, expires_in}`, then
 * `GET /api/events?ticket=…&last_event_id=…` sends `event: message` with the shape of
 * `POST /api/messages` and an `id:`. A ticket opens one stream, so every connection asks for a
 * fresh one and resumes after the last id seen (the host replays what was stored meanwhile, even
 * across a restart). Only a host without the stream (the ticket route answers 404) is polled.
 */
export type LiveEvent =
  | { readonly kind: 'message'; readonly message: CreatedMessage }
  | { readonly kind: 'read'; readonly groupUuid: string }
  | { readonly kind: 'stale' };
export type LiveListener = (event: LiveEvent) => void;
const STALE: LiveEvent = { kind: 'stale' };
/** `offline`: the host cannot be reached; `polling`: it has no event stream. */
export type LiveState = 'connecting' | 'stream' | 'polling' | 'offline';

const POLL_MS = 2500;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8000;
const listeners = new Set<LiveListener>();
const stateListeners = new Set<(state: LiveState) => void>();
let state: LiveState = 'connecting';
let stop: (() => void) | null = null;

export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  stop ??= start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = null;
    }
  };
}

export function liveState(): LiveState {
  return state;
}

export function onLiveState(listener: (state: LiveState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

function setState(next: LiveState): void {
  if (next === state) return;
  state = next;
  // For the person (the shell shows "offline") and for the end-to-end suite.
  document.documentElement.dataset.live = next;
  for (const listener of stateListeners) listener(next);
}

function emit(event: LiveEvent): void {
  for (const listener of listeners) listener(event);
}

function start(): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEventId: string | null = null;
  let backoff = FIRST_BACKOFF_MS;

  const later = (run: () => void, ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };
  const retry = () => {
    later(connect, backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };
  const poll = () => {
    emit(STALE);
    later(poll, POLL_MS);
  };
  const connect = async () => {
    const ticket = await requestTicket();
    if (stopped) return;
    if (ticket === 'unsupported') {
      setState('polling');
      return poll();
    }
    if (ticket === 'unauthorized') return;
    if (ticket === 'offline' || ticket === 'busy') {
      if (ticket === 'offline') setState('offline');
      return retry();
    }
    const query = new URLSearchParams({ ticket });
    if (lastEventId) query.set('last_event_id', lastEventId);
    source = new EventSource(`/api/events?${query.toString()}`);
    source.onopen = () => {
      backoff = FIRST_BACKOFF_MS;
      setState('stream');
      // Whatever the page fetched before this stream opened may already be stale.
      emit(STALE);
    };
    source.addEventListener('message', (event) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      emit({ kind: 'message', message: JSON.parse(event.data) as CreatedMessage });
    });
    // No `id:` on these (they are not replayed), so they leave the resume point alone.
    source.addEventListener('read', (event) => {
      const { message_group_uuid } = JSON.parse(event.data) as { message_group_uuid: string };
      emit({ kind: 'read', groupUuid: message_group_uuid });
    });
    source.onerror = () => {
      // The browser would retry with the same (spent) ticket: close and start over with a new one.
      source?.close();
      source = null;
      if (state === 'stream') setState('connecting');
      retry();
    };
  };
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

async function requestTicket(): Promise<string | 'unsupported' | 'unauthorized' | 'offline' | 'busy'> {
  const token = await freshToken();
  // No token and still a session: the renewal did not get through.
  if (!token) return session() ? 'offline' : 'unauthorized';
  let response: Response;
  try {
    response = await fetch('/api/events/ticket', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    return 'offline';
  }
  if (response.status === 404) return 'unsupported';
  // The host no longer accepts this token (as any other call would find): sign in again.
  if (response.status === 401) {
    setSession(null);
    return 'unauthorized';
  }
  // A 429 or 503: wait, then ask again.
  const body = response.ok ? ((await response.json().catch(() => ({}))) as { ticket?: unknown }) : {};
  return typeof body.ticket === 'string' ? body.ticket : 'busy';
}
