import type { LocalTokenIssuer } from '@cruddur/adapters-aws/cognito';
import type { PgPool } from '@cruddur/adapters-aws/postgres';
import { awsModule, type MessagesTableRef } from '../../../src/container.js';
import type { HostConfig } from '../../../src/config.js';
import { composeHost, type RunningHost } from '../../../src/host.js';

/** The config `composeHost` gets when the storage is handed in (its backend is then not opened). */
const GIVEN_STORAGE: HostConfig = { port: 0, host: '127.0.0.1', backend: { kind: 'memory' } };

/**
 * The host's composition root in aws mode (`awsModule`, every port, readiness checks) on a
 * table and pool the test opened itself (behind proxies, with fault hooks), verifying the
 * issuer's tokens. `app.close()` runs `close` after the adapters drained.
 */
export const composeAwsHost = (
  table: MessagesTableRef,
  pool: PgPool,
  issuer: LocalTokenIssuer,
  close: () => Promise<void> = async () => {},
): Promise<RunningHost> =>
  composeHost(GIVEN_STORAGE, {
    storage: {
      module: (tokenVerifier) => awsModule({ table: () => table, pool: () => pool, tokenVerifier }),
      embedded: null,
      close,
    },
    tokens: { verifier: issuer.verifier(), devIssuer: null },
  });
