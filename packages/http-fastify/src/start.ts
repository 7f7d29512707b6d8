/** `npm start`: read the config, build the host, listen, and shut down cleanly on signals. */
import { loadConfig } from './config.js';
import { createHost } from './host.js';
import { formatBanner } from './banner.js';

const SHUTDOWN_GRACE_MS = 10_000;

const result = loadConfig(process.env, process.argv.slice(2));
if (!result.ok) {
  console.error('Cruddur Messaging cannot start; fix the configuration:');
  for (const problem of result.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const { config } = result;

const host = await createHost(config, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
const address = await host.app.listen({ port: config.port, host: config.host });
console.log(formatBanner({ address, config, host }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    host.app.log.info({ signal }, 'shutting down');
    // Requests in flight get a grace period; a hung dependency must not keep the process alive.
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        host.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
