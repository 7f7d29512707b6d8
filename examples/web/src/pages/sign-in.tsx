import { type FormEvent, useEffect, useState } from 'react';
import { type DemoUser, demoUsers } from '../api/client';
import { demoSignIn, pastedSignIn } from '../api/session';
import { Avatar } from '../components/avatar';
import { ErrorNote } from '../components/error-note';

/**
 * Embedded and memory mode: pick a demo user (the host's dev issuer signs their token).
 * Against real services there is no dev issuer: paste an access token from the user pool.
 */
export function SignIn(props: { onSignedIn: () => void }) {
  const [users, setUsers] = useState<DemoUser[] | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [pasted, setPasted] = useState('');

  useEffect(() => {
    demoUsers().then(setUsers, setError);
  }, []);

  const pick = async (handle: string) => {
    try {
      await demoSignIn(handle);
      props.onSignedIn();
    } catch (failure) {
      setError(failure);
    }
  };
  const paste = (event: FormEvent) => {
    event.preventDefault();
    try {
      pastedSignIn(pasted.trim());
      props.onSignedIn();
    } catch (failure) {
      setError(failure instanceof Error ? new Error(failure.message) : failure);
    }
  };

  return (
    <section className="page sign-in">
      <h1>Sign in</h1>
      <ErrorNote error={error} />
      {users === undefined && !error && <p className="muted">Loading…</p>}
      {users && (
        <>
          <p className="muted">Demo mode: choose who you are.</p>
          <ul className="people">
            {users.map((user) => (
              <li key={user.handle}>
                <button type="button" className="person" onClick={() => pick(user.handle)}>
                  <Avatar displayName={user.display_name} handle={user.handle} />
                  <span className="names">
                    <strong>{user.display_name}</strong>
                    <span className="muted">@{user.handle}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {users === null && (
        <form onSubmit={paste} className="paste">
          <label htmlFor="token">Access token from your user pool</label>
          <textarea id="token" rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <button type="submit" disabled={!pasted.trim()}>
            Sign in
          </button>
        </form>
      )}
    </section>
  );
}
