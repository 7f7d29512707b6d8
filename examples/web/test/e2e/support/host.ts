import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export interface StartedHost {
  readonly url: string;
  /** From spawning `npm start` to its banner (includes turbo's build check). */
  readonly startMs: number;
  stop(): Promise<void>;
}

/**
 * The host exactly as `npm start` starts it (build check, then the built start entry), in embedded
 * mode with demo data, on a port the OS picks (`PORT=0`; the banner says which).
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

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
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

/** Sends through the API as an outsider; returns the created message's group. */
export async function apiSend(
  baseUrl: string,
  token: string,
  target: { handle: string } | { message_group_uuid: string },
  message: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ...target, message }),
  });
  if (!response.ok) throw new Error(`send failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { message_group_uuid: string }).message_group_uuid;
}
