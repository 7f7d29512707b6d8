import { composeHost, loadConfig } from '@cruddur/http-fastify/host';

/*
 * The soak's host: what `npm start` runs (loadConfig → composeHost → listen, in its own process,
 * dynalite and embedded PostgreSQL in processes of their own), plus an IPC channel over which
 * the soak asks for the memory breakdown: this process's RSS and V8 heap, and dynalite's
 * process's (reported apart: it is not the host's memory). `{ gc: true }` collects the main thread's garbage first
 * (started with --expose-gc).
 */
const result = loadConfig(process.env, []);
if (!result.ok) throw new Error(result.problems.join('; '));
const host = await composeHost(result.config, { logger: { level: 'warn' } });
const url = await host.app.listen({ port: 0, host: '127.0.0.1' });

export interface MemoryBreakdown {
  readonly rss: number;
  readonly main: Omit<NodeJS.MemoryUsage, 'rss'>;
  readonly engine: NodeJS.MemoryUsage | null;
}

process.on('message', async (message: { type: 'memory'; id: number; gc?: boolean } | { type: 'stop' }) => {
  if (message.type === 'stop') {
    await host.close();
    process.exit(0);
  }
  if (message.gc) (globalThis as { gc?: () => void }).gc?.();
  const { rss, ...main } = process.memoryUsage();
  const engine = host.embedded ? await host.embedded.dynamoMemory() : null;
  process.send?.({
    type: 'memory',
    id: message.id,
    breakdown: { rss, main, engine } satisfies MemoryBreakdown,
  });
});
process.send?.({ type: 'listening', url });
