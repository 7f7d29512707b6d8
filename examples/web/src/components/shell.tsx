import type { ReactNode } from 'react';
import { session, setSession } from '../api/session';
import { Link, navigate } from '../lib/router';
import { LiveNote } from './live-note';

/** The bar on every page: home, who is signed in, and sign out. */
export function Shell(props: { children: ReactNode }) {
  const me = session();
  const signOut = () => {
    setSession(null);
    navigate('/sign-in');
  };
  return (
    <div className="shell">
      <header className="bar">
        <Link to="/" className="brand">
          Cruddur Messages
        </Link>
        {me && (
          <span className="me">
            @{me.handle}
            <button type="button" className="link-button" onClick={signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main>
        {me && <LiveNote />}
        {props.children}
      </main>
    </div>
  );
}
