import { DEFAULT_MESSAGES_TABLE } from '@cruddur/adapters-aws/dynamo';
import { createPgPool, type PgPool } from '@cruddur/adapters-aws/postgres';
import {
  type Conversations,
  DependencyUnavailableError,
  DomainError,
  type IdentityProviderDirectory,
  type UserDirectory,
} from '@cruddur/core';
import {
  AwsBackend,
  createContainer,
  type MessagesTableRef,
  runtimeModule,
  type Services,
  TOKENS,
} from '@cruddur/http-fastify/composition';
import type { ParsedArgs } from './args.js';
import { CliError, UsageError } from './errors.js';
import { type Dependency, describeDependencyFailure } from './failure.js';
import type { CliEnvironment } from './io.js';
import { awsTarget, COGNITO, DYNAMODB, postgresUrl, redactUrl } from './targets.js';

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/**
 * What one command talks to, from the host's composition root (`awsModule` through
 * `AwsBackend`) with the CLI's settings: its local-or-`--prod` targets, `--table`, and client
 * bounds long enough for a Scan page or a CreateTable. Each engine is opened on first use and
 * closed when the command ends, and the endpoint it was tried at is kept, so that any failure
 * can say where.
 */
export class Session {
  private readonly endpoints = new Map<Dependency, string>();
  private readonly backend: AwsBackend;
  private readonly services: Services;
  private tableLabel: string | undefined;
  private conversationsInUse: Conversations | undefined;

  constructor(
    private readonly environment: CliEnvironment,
    private readonly args: ParsedArgs,
  ) {
    this.backend = new AwsBackend({
      table: () => this.dynamoSettings(),
      connectionUrl: () => this.recordPostgres(this.postgresUrl()),
      userPool: () => this.userPool(),
      // No statement timeout: unlike a request, a migration or CREATE DATABASE may legitimately
      // take long. Connecting still gives up after 2 s, so a down server fails fast.
      openPool: environment.openPostgres ?? ((url) => createPgPool(url, { statementTimeoutMillis: 0 })),
    });
    this.services = createContainer(this.backend.module(), runtimeModule());
  }

  get prod(): boolean {
    return this.args.flag('prod');
  }

  now(): Date {
    return this.environment.now?.() ?? new Date();
  }

  tableName(): string {
    const name =
      this.args.text('table') ?? (this.environment.env.DDB_MESSAGE_TABLE?.trim() || DEFAULT_MESSAGES_TABLE);
    if (!TABLE_NAME.test(name))
      throw new UsageError(`"${name}" is not a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -)`);
    return name;
  }

  private dynamoSettings() {
    const target = awsTarget(this.environment.env, this.prod, DYNAMODB);
    const tableName = this.tableName();
    this.endpoints.set('dynamodb', target.label);
    this.tableLabel = tableName;
    // Longer request timeout than the service's: a full Scan page or a CreateTable may take a while.
    return { ...target, tableName, requestTimeoutMs: 10_000, connectionTimeoutMs: 2_000 };
  }

  /** The raw messages table (CreateTable, Scan, repair, bulk loads), as the root binds it. */
  dynamo(): MessagesTableRef {
    return this.services.get(TOKENS.MessagesTable);
  }

  /** The root's `Conversations` on that table; its background work is finished on close. */
  conversations(): Conversations {
    this.conversationsInUse ??= this.services.get(TOKENS.Conversations);
    return this.conversationsInUse;
  }

  /** The root's `UserDirectory` on the configured database. */
  users(): UserDirectory {
    return this.services.get(TOKENS.UserDirectory);
  }

  /** Where a dependency was opened, for messages ("3 tables at http://127.0.0.1:8000"). */
  where(dependency: Dependency): string {
    return this.endpoints.get(dependency) ?? 'its configured endpoint';
  }

  postgresUrl(): string {
    return postgresUrl(this.environment.env, this.prod);
  }

  private recordPostgres(url: string): string {
    this.endpoints.set('postgres', redactUrl(url));
    return url;
  }

  /** The root's pool on the configured database, or one on `url` (the maintenance database, for setup/drop). */
  postgres(url?: string): PgPool {
    if (url === undefined || url === this.postgresUrl()) return this.services.get(TOKENS.PgPool);
    return this.backend.openPool(this.recordPostgres(url));
  }

  /** The root's `IdentityProviderDirectory` on the user pool (`--user-pool-id`). */
  identityProvider(): IdentityProviderDirectory {
    return this.services.get(TOKENS.IdentityProviderDirectory);
  }

  private userPool() {
    const userPoolId =
      this.args.text('user-pool-id') ?? this.environment.env.AWS_COGNITO_USER_POOL_ID?.trim();
    if (!userPoolId)
      throw new UsageError('no user pool: pass --user-pool-id or set AWS_COGNITO_USER_POOL_ID');
    // A pool id starts with its region (us-east-1_AbC123), a fair default when AWS_REGION is unset.
    const target = awsTarget(this.environment.env, this.prod, COGNITO, userPoolId.split('_')[0]);
    this.endpoints.set('cognito', `${target.label}, pool ${userPoolId}`);
    return { ...target, userPoolId };
  }

  /**
   * Runs work against one engine; any engine failure becomes a one-line CliError naming the
   * endpoint. Domain errors other than "unavailable" and the CLI's own errors pass unchanged.
   */
  async call<T>(dependency: Dependency, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (error instanceof DomainError && !(error instanceof DependencyUnavailableError)) throw error;
      const endpoint = this.where(dependency);
      const tableName = dependency === 'dynamodb' ? this.tableLabel : undefined;
      throw new CliError(describeDependencyFailure(dependency, { endpoint, tableName }, error), 1, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    // Sends leave inbox sweeps in the background: finish them before the clients go.
    const conversations = this.conversationsInUse as Partial<{ close(): Promise<void> }> | undefined;
    await conversations?.close?.().catch(() => {});
    // Closing never masks the command's own outcome (the backend settles every close).
    await this.backend.close();
  }
}
