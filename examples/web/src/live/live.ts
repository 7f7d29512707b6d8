import type { CreatedMessage } from '../api/client';
import { freshToken } from '../api/session';

/**
 * One live feed for the whole page. A listener gets each new message, or `null` meaning "you may
 * have missed something, fetch again" (after a reconnect, and on every tick in polling mode).
 *
 * The host's event stream: `POST /api/events/ticket` → `{ticket, expires_in}`, then
 * `GET /api/events?ticket=…&last_event_id=…` sends `event: message` with the shape of
 * `POST /api/messages`. A ticket is used once, so every connection asks for a fresh one.
 * A host without the stream (the ticket route answers 404) is polled every few seconds instead.
 */
export type LiveListener = (message: CreatedMessage | null) => void;

const POLL_MS = 2500;
const MAX_BACKOFF_MS = 8000;
const listeners = new Set<LiveListener>();
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

function emit(message: CreatedMessage | null): void {
  for (const listener of listeners) listener(message);
}

function start(): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastEventId: string | null = null;
  let backoff = 500;
  let firstConnection = true;

  const later = (run: () => void, ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };
  const poll = () => {
    emit(null);
    later(poll, POLL_MS);
  };
  const connect = async () => {
    const ticket = await requestTicket();
    if (stopped) return;
    if (ticket === 'unsupported') return later(poll, POLL_MS);
    if (ticket === null) {
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      return later(connect, backoff);
    }
    const query = new URLSearchParams({ ticket });
    if (lastEventId) query.set('last_event_id', lastEventId);
    source = new EventSource(`/api/events?${query.toString()}`);
    source.onopen = () => {
      backoff = 500;
      if (!firstConnection) emit(null);
      firstConnection = false;
    };
    source.addEventListener('message', (event) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      emit(JSON.parse(event.data) as CreatedMessage);
    });
    source.onerror = () => {
      // The browser would retry with the same (spent) ticket: close and start over with a new one.
      source?.close();
      source = null;
      later(connect, backoff);
    };
  };
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

async function requestTicket(): Promise<string | 'unsupported' | null> {
  const token = await freshToken();
  if (!token) return null;
  try {
    const response = await fetch('/api/events/ticket', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 404) return 'unsupported';
    if (!response.ok) return null;
    const body = (await response.json()) as { ticket?: unknown };
    return typeof body.ticket === 'string' ? body.ticket : null;
  } catch {
    return null;
  }
}
