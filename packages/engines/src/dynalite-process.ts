import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { DynamoEngine } from './dynalite.js';

/** dynalite in a process of its own; it counts the requests it serves, by operation. */
export interface DynaliteProcess extends DynamoEngine {
  /** Requests served since it started, by operation (`PutItem`, `Query`, …), SDK retries included. */
  requests(): Promise<Record<string, number>>;
  /** The engine process's memory (its RSS and V8 heap, bytes): not part of its client's RSS. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The engine's process id. */
  readonly pid: number;
}

// Plain CommonJS run by `node -e`, so it needs no loader for TypeScript sources. When the parent
// goes away without stopping it (killed), the IPC channel closes and the engine exits too,
// releasing the LevelDB lock.
const ENGINE_SOURCE = `
const { dynalitePath, path } = JSON.parse(process.env.CRUDDUR_DYNALITE);
const server = require(dynalitePath)({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path });
const counts = {};
server.on('request', (req) => {
  const op = String(req.headers['x-amz-target'] || '').split('.')[1] || 'unknown';
  counts[op] = (counts[op] || 0) + 1;
});
const stop = () => server.close(() => process.exit(0));
server.once('error', (error) => process.send({ type: 'error', message: String(error) }));
server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
process.on('message', (message) => {
  if (message === 'requests') process.send({ type: 'requests', counts });
  if (message === 'memory') process.send({ type: 'memory', usage: process.memoryUsage() });
  if (message === 'stop') stop();
});
process.on('disconnect', stop);
`;

type Reply =
  | { type: 'listening'; port: number }
  | { type: 'error'; message: string }
  | { type: 'requests'; counts: Record<string, number> }
  | { type: 'memory'; usage: NodeJS.MemoryUsage };

const reply = <T extends Reply['type']>(child: ChildProcess, type: T) =>
  new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
    const onMessage = (message: Reply) => {
      if (message.type === type) done(() => resolve(message as Extract<Reply, { type: T }>));
      else if (message.type === 'error') done(() => reject(new Error(`dynalite: ${message.message}`)));
    };
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`dynalite's process exited (code ${code})`)));
    const done = (settle: () => void) => {
      child.off('message', onMessage).off('exit', onExit);
      settle();
    };
    child.on('message', onMessage).once('exit', onExit);
  });

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** How long a stopping engine may take to close its server and LevelDB before it is killed. */
const STOP_GRACE_MS = 5_000;

/**
 * dynalite in a child process: its work does not compete with its clients' event loop (a host
 * under 300 concurrent sends), and its memory (V8 heap, LevelDB) is its own, not the host's. In
 * memory, or on disk in LevelDB under `path`, which keeps tables and items across restarts. The
 * process holds the LevelDB lock until `stop()` (or until its parent is gone).
 */
export const startDynaliteProcess = async ({ path }: { path?: string } = {}): Promise<DynaliteProcess> => {
  const dynalitePath = createRequire(import.meta.url).resolve('dynalite');
  const child = spawn(process.execPath, ['-e', ENGINE_SOURCE], {
    env: { ...process.env, NODE_OPTIONS: '', CRUDDUR_DYNALITE: JSON.stringify({ dynalitePath, path }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await reply(child, 'listening').catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  });
  const ask = async <T extends 'requests' | 'memory'>(type: T) => {
    const answer = reply(child, type);
    child.send(type);
    return answer;
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? 0,
    requests: async () => (await ask('requests')).counts,
    memory: async () => (await ask('memory')).usage,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = exited(child);
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await gone;
      clearTimeout(timer);
    },
  };
};
