import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@cruddur/engines';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export interface StartedHost {
  readonly url: string;
  /** From spawning `npm start` to its banner (includes turbo's build check). */
  readonly startMs: number;
  stop(): Promise<void>;
}

export interface RestartableHost extends StartedHost {
  /** Stops the host (if running) and starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * `npm start` as a person runs it, on a data directory of its own (a temp dir, removed at the end),
 * a fixed free port and a dev issuer key file: what a restart keeps (messages, the port, the
 * signing key, so open pages' tokens stay valid) is what the person would keep.
 */
export async function restartableHost(): Promise<RestartableHost> {
  const dir = mkdtempSync(join(tmpdir(), 'cruddur-web-e2e-'));
  // mkdtemp makes it 0700; embedded PostgreSQL runs initdb as its own user, who must get in.
  chmodSync(dir, 0o755);
  const keyFile = join(dir, 'issuer-key.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const env = {
    PORT: String(await freePort()),
    CRUDDUR_DATA_DIR: join(dir, 'data'),
    CRUDDUR_DEV_ISSUER_KEY_FILE: keyFile,
  };
  let running = await startHost(env).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: running.url,
    get startMs() {
      return running.startMs;
    },
    stop: () => running.stop(),
    restart: async () => {
      await running.stop();
      running = await startHost(env);
    },
    dispose: async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The host exactly as `npm start` starts it (build check, then the built start entry), in embedded
 * mode with demo data, on a port the OS picks (`PORT=0`; the banner says which) unless `env` says.
 */
export async function startHost(env: Record<string, string> = {}): Promise<StartedHost> {
  const began = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    detached: true, // its own process group, so stop() ends npm and the node below it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  return { url, startMs: performance.now() - began, stop: () => stopGroup(child) };
}

/**
 * SIGTERM to the whole group (npm and the host below it), then wait until every process of it is
 * gone: npm exits at once, while the host is still closing its engines and data directory, and a
 * restart must not find them taken. SIGKILL after 15 s.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-group, name);
      return true;
    } catch {
      return false; // ESRCH: nothing of the group is left
    }
  };
  const began = Date.now();
  if (!signal('SIGTERM')) return;
  // An unreaped zombie would answer forever: give up 5 s after SIGKILL.
  while (signal(0) && Date.now() - began < 20_000) {
    if (Date.now() - began > 15_000) signal('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A demo user's token, as any API client would get it in embedded mode. */
export async function tokenFor(baseUrl: string, handle: string): Promise<string> {
  const response = await fetch(`${baseUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle }),
  });
  if (!response.ok) throw new Error(`no token for ${handle}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One page of a conversation's messages (newest 50), as any API client reads it. */
export async function apiMessages(baseUrl: string, token: string, group: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/api/messages/${group}?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`list failed: ${response.status}`);
  return ((await response.json()) as { message: string }[]).map((m) => m.message);
}

/**
 * Sends through the API as an outsider; returns the created message's group. Like any polite
 * client it waits out a 429 (the host allows 20 sends a second per caller, bursts of 40, and the
 * 120-message test sends faster than that), so the host stays exactly as `npm start` runs it.
 */
export async function apiSend(
  baseUrl: string,
  token: string,
  target: { handle: string } | { message_group_uuid: string },
  message: string,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...target, message }),
    });
    if (response.status === 429 && attempt < 10) {
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, 1000 * (Number.isFinite(seconds) ? seconds : 1)));
      continue;
    }
    if (!response.ok) throw new Error(`send failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { message_group_uuid: string }).message_group_uuid;
  }
}
