/** `npm start`: read the config, build the host, listen, and shut down cleanly. */
import closeWithGrace from 'close-with-grace';
import { formatBanner } from './banner.js';
import { loadConfig } from './config.js';
import type { EmbeddedEngines } from './embedded-engines.js';

const SHUTDOWN_GRACE_MS = 10_000;

const result = loadConfig(process.env, process.argv.slice(2));
if (!result.ok) {
  console.error('Cruddur Messaging cannot start; fix the configuration:');
  for (const problem of result.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const { config } = result;
const { backend } = config;

const cannotStart = (error: Error): never => {
  // e.g. the data directory held by another host: say so, no stack trace for a known refusal.
  console.error(`Cruddur Messaging cannot start: ${error.message}`);
  process.exit(1);
};

// The engines start first, and the host's modules (Fastify, the AWS SDK, TypeBox, inversify: about
// a second to load) load while dynalite's and PostgreSQL's processes come up (startup time).
let engines: Promise<EmbeddedEngines> | undefined;
if (backend.kind === 'embedded') {
  engines = import('./embedded-engines.js').then(({ startEnginesOf }) => startEnginesOf(backend));
  engines.catch(() => {}); // awaited by composeHost; a failure is reported there
}
const { composeHost } = await import('./host.js').catch(async (error: Error) => {
  await engines?.then((started) => started.stop()).catch(() => {});
  return cannotStart(error);
});
const host = await composeHost(config, {
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  ...(engines ? { engines } : {}),
}).catch(cannotStart);
// On SIGINT/SIGTERM, and on an uncaught error too: requests in flight finish, background work
// drains, pools and engines close (the data directory is released), all within the grace
// period; a hung dependency cannot keep the process alive past it.
const graceful = closeWithGrace(
  { delay: SHUTDOWN_GRACE_MS, logger: host.app.log },
  async ({ signal, err }) => {
    if (err) host.app.log.error({ err }, 'uncaught error, shutting down');
    else if (signal) host.app.log.info({ signal }, 'shutting down');
    await host.close();
  },
);
const address = await host.app
  .listen({ port: config.port, host: config.host })
  .catch(async (error: Error) => {
    console.error(`Cruddur Messaging cannot listen on ${config.host}:${config.port}: ${error.message}`);
    graceful.uninstall();
    await host.close();
    process.exit(1);
  });
console.log(formatBanner({ address, config, host }));
