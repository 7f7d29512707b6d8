import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DynamoEngine } from './dynalite.js';

/** dynalite on a thread of its own; it counts the requests it serves, by operation. */
export interface ThreadedDynamoEngine extends DynamoEngine {
  /** Requests served since it started, by operation (`PutItem`, `Query`, …), SDK retries included. */
  requests(): Promise<Record<string, number>>;
  /** The thread's own V8 heap (`heapUsed`, `heapTotal`, `external`, `arrayBuffers`, bytes); RSS is the process's, shared. */
  memory(): Promise<ThreadMemory>;
}

export type ThreadMemory = Omit<NodeJS.MemoryUsage, 'rss'>;

// The thread runs plain CommonJS (an eval worker), so it needs no loader for TypeScript sources.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require(workerData.dynalitePath);
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path: workerData.path });
const counts = {};
server.on('request', (req) => {
  const op = String(req.headers['x-amz-target'] || '').split('.')[1] || 'unknown';
  counts[op] = (counts[op] || 0) + 1;
});
server.once('error', (error) => parentPort.postMessage({ type: 'error', message: String(error) }));
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'requests') parentPort.postMessage({ type: 'requests', counts });
  if (message === 'memory') parentPort.postMessage({ type: 'memory', usage: process.memoryUsage() });
  if (message === 'stop') server.close(() => parentPort.postMessage({ type: 'stopped' }));
});
`;

type Reply =
  | { type: 'listening'; port: number }
  | { type: 'error'; message: string }
  | { type: 'requests'; counts: Record<string, number> }
  | { type: 'memory'; usage: NodeJS.MemoryUsage }
  | { type: 'stopped' };

const reply = <T extends Reply['type']>(worker: Worker, type: T) =>
  new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
    const onMessage = (message: Reply) => {
      if (message.type === type) done(() => resolve(message as Extract<Reply, { type: T }>));
      else if (message.type === 'error') done(() => reject(new Error(`dynalite: ${message.message}`)));
    };
    const onExit = (code: number) => done(() => reject(new Error(`dynalite's thread exited (code ${code})`)));
    const done = (settle: () => void) => {
      worker.off('message', onMessage).off('exit', onExit);
      settle();
    };
    worker.on('message', onMessage).once('exit', onExit);
  });

/**
 * dynalite in a worker thread, so its work does not compete with its clients' event loop (a
 * host under 300 concurrent sends). In memory, or on disk in LevelDB under `path`, which keeps
 * tables and items across restarts. The thread holds the LevelDB lock until `stop()`.
 */
export const startDynaliteInThread = async ({ path }: { path?: string } = {}): Promise<ThreadedDynamoEngine> => {
  const dynalitePath = createRequire(import.meta.url).resolve('dynalite');
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { dynalitePath, path } });
  worker.on('error', () => {}); // an uncaught error in the thread also ends it: `exit` reports it
  const { port } = await reply(worker, 'listening').catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    requests: async () => {
      const answer = reply(worker, 'requests');
      worker.postMessage('requests');
      return (await answer).counts;
    },
    memory: async () => {
      const answer = reply(worker, 'memory');
      worker.postMessage('memory');
      const { rss: _shared, ...own } = (await answer).usage;
      return own;
    },
    stop: async () => {
      const stopped = reply(worker, 'stopped');
      worker.postMessage('stop');
      await stopped.catch(() => {});
      await worker.terminate();
    },
  };
};
