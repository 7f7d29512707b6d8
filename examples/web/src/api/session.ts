/**
 * Who is signed in and their access token. Demo users (embedded and memory mode) get tokens from
 * `POST /dev/token`, renewed a minute before they expire; a pasted token cannot be renewed, so the
 * person is asked to sign in again when it runs out. Kept in sessionStorage: one tab, one person.
 */
export interface Session {
  readonly handle: string;
  readonly token: string;
  readonly expiresAt: number;
  readonly renewable: boolean;
}

const KEY = 'cruddur.session';
const RENEW_BEFORE_MS = 60_000;
let current: Session | null = read();
let renewing: Promise<Session | null> | null = null;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function session(): Session | null {
  return current;
}

export function setSession(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A demo user's token from the host's dev issuer. */
export async function demoSignIn(handle: string): Promise<Session> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle }),
  });
  if (!response.ok) throw new Error(`The host would not sign in @${handle} (${response.status}).`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  const next = {
    handle,
    token: body.access_token,
    expiresAt: Date.now() + body.expires_in * 1000,
    renewable: true,
  };
  setSession(next);
  return next;
}

/** A token pasted by the person: its `username` and `exp` claims say who and until when. */
export function pastedSignIn(token: string): Session {
  const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
    username?: string;
    exp?: number;
  };
  if (!payload.username || !payload.exp) throw new Error('That is not an access token (no username or exp).');
  const next = { handle: payload.username, token, expiresAt: payload.exp * 1000, renewable: false };
  setSession(next);
  return next;
}

/** A token good for at least another minute, renewing it first when needed; null → sign in again. */
export async function freshToken(): Promise<string | null> {
  const now = current;
  if (!now) return null;
  if (now.expiresAt - Date.now() > RENEW_BEFORE_MS) return now.token;
  if (!now.renewable) {
    if (now.expiresAt > Date.now()) return now.token;
    setSession(null);
    return null;
  }
  renewing ??= demoSignIn(now.handle)
    .catch(() => null)
    .finally(() => {
      renewing = null;
    });
  return (await renewing)?.token ?? null;
}
