import { useEffect, useState } from 'react';
import { listInbox, sendMessage, type UserCard, userCard } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { Composer } from '../components/composer';
import { ErrorNote } from '../components/error-note';
import { MissingPage, PageHead } from '../components/page-head';
import { newKey } from '../lib/new-key';
import { navigate } from '../lib/router';

/** How many inbox pages to look through for an existing conversation with this person. */
const INBOX_PAGES_TO_SEARCH = 5;

async function existingConversation(handle: string): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < INBOX_PAGES_TO_SEARCH; page++) {
    const { items, next } = await listInbox(cursor);
    const found = items.find((entry) => entry.handle === handle);
    if (found) return found.uuid;
    if (!next) return null;
    cursor = next;
  }
  return null;
}

/**
 * `/messages/new/:handle`: who the person is, or a clear "no such user". If the two already talk,
 * their conversation opens instead; the first send lands in the conversation the host picks.
 */
export function NewMessage(props: { handle: string }) {
  const [card, setCard] = useState<UserCard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [key] = useState(newKey);

  useEffect(() => {
    let active = true;
    setCard(null);
    setError(null);
    existingConversation(props.handle).then(
      (uuid) => active && uuid && navigate(`/messages/${uuid}`, { replace: true }),
      () => undefined,
    );
    userCard(props.handle).then(
      (found) => active && setCard(found),
      (failure: unknown) => active && setError(failure),
    );
    return () => {
      active = false;
    };
  }, [props.handle]);

  const send = async (text: string) => {
    setSending(true);
    setSendError(null);
    try {
      const created = await sendMessage({ handle: props.handle }, text, key);
      navigate(`/messages/${created.message_group_uuid}`, { replace: true });
    } catch (failure) {
      setSendError(failure);
      setSending(false);
    }
  };

  if (error instanceof ApiError && error.status === 404) {
    return <MissingPage title="No such user" reason={`Nobody here has the handle @${props.handle}.`} />;
  }
  return (
    <section className="page new">
      <PageHead
        title={card ? `New message to ${card.display_name}` : 'New message'}
        person={card ?? undefined}
      />
      <ErrorNote error={error} />
      {card ? (
        <>
          <p className="muted">This starts your conversation with @{card.handle}.</p>
          {sendError !== null && (
            <p className="error" role="alert">
              Not sent: {describeError(sendError)}
            </p>
          )}
          <Composer onSend={send} disabled={sending} label={`Message to @${card.handle}`} />
        </>
      ) : (
        !error && <p className="muted">Looking up @{props.handle}…</p>
      )}
    </section>
  );
}
