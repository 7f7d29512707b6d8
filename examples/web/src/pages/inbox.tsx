import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { type InboxEntry, listInbox } from '../api/client';
import { Avatar } from '../components/avatar';
import { ErrorNote } from '../components/error-note';
import { useWhenVisible } from '../components/use-infinite';
import { useNow } from '../components/use-now';
import { relativeTime } from '../lib/relative-time';
import { Link, navigate } from '../lib/router';
import { subscribeLive } from '../live/live';

/** Newest activity first; the first page is fetched again whenever something may have changed. */
function mergeFirstPage(current: InboxEntry[], fresh: InboxEntry[]): InboxEntry[] {
  const seen = new Set(fresh.map((entry) => entry.uuid));
  return [...fresh, ...current.filter((entry) => !seen.has(entry.uuid))].sort((a, b) =>
    b.created_at.localeCompare(a.created_at),
  );
}

export function Inbox() {
  const [entries, setEntries] = useState<InboxEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);
  const sentinel = useRef<HTMLLIElement>(null);
  const now = useNow();

  const refresh = useCallback(async () => {
    try {
      const page = await listInbox();
      setEntries((current) => mergeFirstPage(current ?? [], page.items));
      setNext((current) => current ?? page.next);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (loading.current || !next) return;
    loading.current = true;
    try {
      const page = await listInbox(next);
      setEntries((current) => mergeFirstPage(page.items, current ?? []));
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    } finally {
      loading.current = false;
    }
  }, [next]);

  useEffect(() => {
    void refresh();
    // A message moves its conversation up; a read marker (another tab of mine) clears a badge.
    return subscribeLive(() => void refresh());
  }, [refresh]);
  useWhenVisible(sentinel, loadMore, next !== null);

  return (
    <section className="page inbox">
      <div className="page-head">
        <h1>Messages</h1>
        <NewMessageForm />
      </div>
      <ErrorNote error={error} onRetry={refresh} />
      {entries === null && !error && <p className="muted">Loading…</p>}
      {entries?.length === 0 && <p className="muted">No conversations yet.</p>}
      <ul className="groups" aria-label="Conversations">
        {entries?.map((entry) => (
          <li key={entry.uuid}>
            <Link to={`/messages/${entry.uuid}`} className="group">
              <Avatar displayName={entry.display_name} handle={entry.handle} />
              <span className="group-text">
                <span className="group-top">
                  <strong>{entry.display_name}</strong>
                  <span className="muted">@{entry.handle}</span>
                  <time dateTime={entry.created_at} className="muted when">
                    {relativeTime(entry.created_at, now)}
                  </time>
                </span>
                <span className="last">{entry.message}</span>
              </span>
              {entry.unread_count > 0 && (
                <span className="badge">
                  {entry.unread_count}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </Link>
          </li>
        ))}
        {next && (
          <li ref={sentinel} className="muted more">
            Loading more…
          </li>
        )}
      </ul>
    </section>
  );
}

function NewMessageForm() {
  const [handle, setHandle] = useState('');
  const go = (event: FormEvent) => {
    event.preventDefault();
    const clean = handle.trim().replace(/^@/, '');
    if (clean) navigate(`/messages/new/${encodeURIComponent(clean)}`);
  };
  return (
    <form className="new-message" onSubmit={go}>
      <input
        aria-label="Handle to message"
        placeholder="@handle"
        value={handle}
        onChange={(e) => setHandle(e.target.value)}
      />
      <button type="submit" disabled={!handle.trim()}>
        New message
      </button>
    </form>
  );
}
