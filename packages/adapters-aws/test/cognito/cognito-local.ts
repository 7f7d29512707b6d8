import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { freePort } from '@cruddur/engines';
import { localCognitoClient } from './sdk-client.js';

/** A cognito-local child process on a free port, with its state in a throwaway directory. */
export interface CognitoLocal {
  /** `http://127.0.0.1:<port>`: the SDK endpoint, and the prefix of every issuer it signs as. */
  readonly endpoint: string;
  readonly client: CognitoIdentityProviderClient;
  stop(): Promise<void>;
}

const bin = join(
  dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')),
  'lib/bin/start.js',
);

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const port = await freePort();
  const workDir = await mkdtemp(join(tmpdir(), 'cognito-local-'));
  const child = spawn(process.execPath, [bin], {
    cwd: workDir, // it keeps its pools and users in ./.cognito
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(endpoint, child);
  } catch (error) {
    await stop();
    throw new Error(`cognito-local did not start: ${String(error)}\n${stderr}`);
  }
  return { endpoint, client: localCognitoClient(endpoint), stop };
}

async function waitUntilHealthy(endpoint: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    const healthy = await fetch(`${endpoint}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${endpoint}/health within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
