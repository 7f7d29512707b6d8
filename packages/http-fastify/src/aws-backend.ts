import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityProviderDirectory } from '@cruddur/adapters-aws/cognito';
import { createDynamoDocumentClient, type DynamoClientOptions } from '@cruddur/adapters-aws/dynamo';
import { createPgPool, type PgPool } from '@cruddur/adapters-aws/postgres';
import type { ContainerModule } from 'inversify';
import { type AwsResources, awsModule } from './container.js';
import type { MessagesTableRef } from './messages-table-ref.js';

/** A pool the backend ends when it closes (`pg.Pool` and pg-mem's pool both fit). */
export type ClosablePool = PgPool & { end(): Promise<void> };

/** Where the aws backend connects. Each part is read when first needed, and may throw then. */
export interface AwsBackendSettings {
  /** The table and its client's settings (region, endpoint, credentials, bounds). */
  readonly table: () => DynamoClientOptions & { readonly tableName: string };
  readonly connectionUrl: () => string;
  /** The user pool, its region and endpoint (and credentials), when something lists its users. */
  readonly userPool?:
    | (() => Pick<DynamoClientOptions, 'region' | 'endpoint' | 'credentials'> & {
        readonly userPoolId: string;
      })
    | undefined;
  /** Opens a pool on a URL. Default `createPgPool` with its request-sized bounds. */
  readonly openPool?: ((connectionUrl: string) => ClosablePool) | undefined;
}

/**
 * The aws backend's clients, opened from settings when a port or tool first needs them, and
 * closed together: what the host's aws mode runs on and what the ops CLI runs on, with the
 * CLI's own settings (its targets, `--table`, bounds long enough for a Scan page or a CreateTable).
 */
export class AwsBackend {
  readonly #closers: Array<() => unknown> = [];
  #table: MessagesTableRef | undefined;
  #pool: PgPool | undefined;

  constructor(private readonly settings: AwsBackendSettings) {}

  table(): MessagesTableRef {
    if (this.#table) return this.#table;
    const { tableName, ...options } = this.settings.table();
    const client = createDynamoDocumentClient(options);
    this.#closers.push(() => client.destroy());
    this.#table = { client, tableName };
    return this.#table;
  }

  pool(): PgPool {
    this.#pool ??= this.openPool(this.settings.connectionUrl());
    return this.#pool;
  }

  /** A pool on any database of the server (the CLI's maintenance database), closed with the rest. */
  openPool(connectionUrl: string): PgPool {
    const pool = (this.settings.openPool ?? createPgPool)(connectionUrl);
    this.#closers.push(() => pool.end());
    return pool;
  }

  #identityProvider(userPool: NonNullable<AwsBackendSettings['userPool']>): CognitoIdentityProviderDirectory {
    const { userPoolId, region, endpoint, credentials } = userPool();
    const client = new CognitoIdentityProviderClient({
      region,
      maxAttempts: 3,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(credentials === undefined ? {} : { credentials }),
    });
    this.#closers.push(() => client.destroy());
    return new CognitoIdentityProviderDirectory({ client, userPoolId });
  }

  /** `awsModule` on these clients, with whatever else the caller shares. */
  module(shared: Omit<AwsResources, 'table' | 'pool' | 'identityProvider'> = {}): ContainerModule {
    const { userPool } = this.settings;
    return awsModule({
      table: () => this.table(),
      pool: () => this.pool(),
      ...(userPool ? { identityProvider: () => this.#identityProvider(userPool) } : {}),
      ...shared,
    });
  }

  /** Closing must not mask a caller's outcome, and one client failing to close must not keep the others open. */
  async close(): Promise<void> {
    await Promise.allSettled(
      this.#closers
        .splice(0)
        .reverse()
        .map(async (close) => close()),
    );
  }
}
