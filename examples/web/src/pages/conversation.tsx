import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type CreatedMessage, sendMessage } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { session } from '../api/session';
import { Composer } from '../components/composer';
import { ErrorNote } from '../components/error-note';
import { MissingPage, PageHead } from '../components/page-head';
import { useNow } from '../components/use-now';
import { newKey } from '../lib/new-key';
import { relativeTime } from '../lib/relative-time';
import { useConversation } from './use-conversation';

interface Pending {
  readonly key: string;
  readonly text: string;
  readonly failed: unknown;
}

export function Conversation(props: { groupUuid: string }) {
  const me = session()?.handle;
  const { messages, hasOlder, error, loadOlder, add, refresh } = useConversation(props.groupUuid);
  const [pending, setPending] = useState<Pending[]>([]);
  const list = useRef<HTMLOListElement>(null);
  const keepFromBottom = useRef<number | null>(null);
  const stickToBottom = useRef(true);
  const now = useNow();

  // After older messages are put on top, keep the same message under the reader's eyes;
  // otherwise stay at the bottom while the reader is there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the list (pending too)
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || messages === null) return;
    if (keepFromBottom.current !== null) {
      element.scrollTop = element.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else if (stickToBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [messages, pending]);

  const onScroll = useCallback(() => {
    const element = list.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    if (element.scrollTop < 80 && hasOlder) {
      keepFromBottom.current = element.scrollHeight - element.scrollTop;
      void loadOlder().then((loaded) => {
        if (!loaded) keepFromBottom.current = null;
      });
    }
  }, [hasOlder, loadOlder]);

  const deliver = useCallback(
    async (key: string, text: string) => {
      setPending((all) => all.map((p) => (p.key === key ? { ...p, failed: null } : p)));
      try {
        const created: CreatedMessage = await sendMessage({ message_group_uuid: props.groupUuid }, text, key);
        add(created);
        setPending((all) => all.filter((p) => p.key !== key));
      } catch (failure) {
        setPending((all) => all.map((p) => (p.key === key ? { ...p, failed: failure } : p)));
      }
    },
    [props.groupUuid, add],
  );
  const send = (text: string) => {
    const key = newKey();
    stickToBottom.current = true;
    setPending((all) => [...all, { key, text, failed: null }]);
    void deliver(key, text);
  };

  const notFound = error instanceof ApiError && error.status === 404;
  const other = messages?.find((m) => m.handle !== me);
  if (notFound) {
    return <MissingPage title="Conversation not found" reason={describeError(error)} />;
  }
  return (
    <section className="page conversation">
      <PageHead title={other ? other.display_name : 'Conversation'} person={other} />
      <ErrorNote error={error} onRetry={refresh} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
      <ol className="messages" ref={list} onScroll={onScroll} aria-label="Messages" tabIndex={0}>
        {hasOlder && <li className="muted more">Scroll up for older messages</li>}
        {messages === null && !error && <li className="muted">Loading…</li>}
        {messages?.map((m) => (
          <li key={m.uuid} className={m.handle === me ? 'message mine' : 'message'} data-uuid={m.uuid}>
            <span className="meta">
              <strong>{m.display_name}</strong>{' '}
              <time dateTime={m.created_at} className="muted">
                {relativeTime(m.created_at, now)}
              </time>
            </span>
            <span className="text">{m.message}</span>
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.key} className="message mine pending" data-state={p.failed ? 'failed' : 'sending'}>
            <span className="text">{p.text}</span>
            {p.failed ? (
              <span className="failed" role="alert">
                Not sent: {describeError(p.failed)}{' '}
                <button type="button" className="link-button" onClick={() => deliver(p.key, p.text)}>
                  Retry
                </button>
              </span>
            ) : (
              <span className="muted">Sending…</span>
            )}
          </li>
        ))}
      </ol>
      <Composer onSend={send} />
    </section>
  );
}
