import { useEffect, useState } from 'react';
import { onSessionChange, session } from './api/session';
import { Shell } from './components/shell';
import { navigate, usePath } from './lib/router';
import { Conversation } from './pages/conversation';
import { Inbox } from './pages/inbox';
import { NewMessage } from './pages/new-message';
import { SignIn } from './pages/sign-in';

/** Path → page. Without a session every path shows the sign-in, and then the page asked for. */
export function App() {
  const path = usePath();
  const [signedIn, setSignedIn] = useState(session() !== null);
  useEffect(() => onSessionChange(() => setSignedIn(session() !== null)), []);

  if (!signedIn) {
    const done = () => {
      if (path === '/sign-in') navigate('/', { replace: true });
    };
    return (
      <Shell>
        <SignIn onSignedIn={done} />
      </Shell>
    );
  }
  return <Shell>{page(path)}</Shell>;
}

function page(path: string) {
  const newMessage = /^\/messages\/new\/([^/]+)$/.exec(path);
  if (newMessage?.[1]) return <NewMessage key={path} handle={decodeURIComponent(newMessage[1])} />;
  const conversation = /^\/messages\/([^/]+)$/.exec(path);
  if (conversation?.[1]) return <Conversation key={path} groupUuid={decodeURIComponent(conversation[1])} />;
  if (path === '/' || path === '/sign-in') return <Inbox />;
  return (
    <section className="page">
      <h1>Page not found</h1>
    </section>
  );
}
