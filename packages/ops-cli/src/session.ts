import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient, DEFAULT_MESSAGES_TABLE } from '@cruddur/adapters-aws/dynamo';
import { createPgPool } from '@cruddur/adapters-aws/postgres';
import { DependencyUnavailableError, DomainError } from '@cruddur/core';
import type { ParsedArgs } from './args.js';
import { CliError, UsageError } from './errors.js';
import { type Dependency, describeDependencyFailure } from './failure.js';
import type { CliEnvironment, ClosablePool } from './io.js';
import { awsTarget, COGNITO, DYNAMODB, postgresUrl, redactUrl } from './targets.js';

export interface DynamoTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/**
 * The engines one command talks to, opened on first use and closed when it ends, and the
 * endpoint each was tried at, so that any failure can say where.
 */
export class Session {
  private readonly endpoints = new Map<Dependency, string>();
  private readonly closers: Array<() => unknown> = [];
  private table: DynamoTable | undefined;

  constructor(
    private readonly environment: CliEnvironment,
    private readonly args: ParsedArgs,
  ) {}

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

  dynamo(): DynamoTable {
    if (this.table) return this.table;
    const target = awsTarget(this.environment.env, this.prod, DYNAMODB);
    const tableName = this.tableName();
    // Longer request timeout than the service's: a full Scan page or a CreateTable may take a while.
    const client = createDynamoDocumentClient({
      region: target.region,
      endpoint: target.endpoint,
      credentials: target.credentials,
      requestTimeoutMs: 10_000,
      connectionTimeoutMs: 2_000,
    });
    this.closers.push(() => client.destroy());
    this.endpoints.set('dynamodb', target.label);
    this.table = { client, tableName };
    return this.table;
  }

  /** Where a dependency was opened, for messages ("3 tables at http://127.0.0.1:8000"). */
  where(dependency: Dependency): string {
    return this.endpoints.get(dependency) ?? 'its configured endpoint';
  }

  postgresUrl(): string {
    return postgresUrl(this.environment.env, this.prod);
  }

  /** A pool on the configured database, or on `url` (the maintenance database, for setup/drop). */
  postgres(url: string = this.postgresUrl()): ClosablePool {
    // No statement timeout: unlike a request, a migration or CREATE DATABASE may legitimately
    // take long. Connecting still gives up after 2 s, so a down server fails fast.
    const open =
      this.environment.openPostgres ?? ((u: string) => createPgPool(u, { statementTimeoutMillis: 0 }));
    const pool = open(url);
    this.closers.push(() => pool.end());
    this.endpoints.set('postgres', redactUrl(url));
    return pool;
  }

  cognito(): { client: CognitoIdentityProviderClient; userPoolId: string } {
    const userPoolId =
      this.args.text('user-pool-id') ?? this.environment.env.AWS_COGNITO_USER_POOL_ID?.trim();
    if (!userPoolId)
      throw new UsageError('no user pool: pass --user-pool-id or set AWS_COGNITO_USER_POOL_ID');
    // A pool id starts with its region (us-east-1_AbC123), a fair default when AWS_REGION is unset.
    const target = awsTarget(this.environment.env, this.prod, COGNITO, userPoolId.split('_')[0]);
    const client = new CognitoIdentityProviderClient({
      region: target.region,
      maxAttempts: 3,
      ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
      ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
    });
    this.closers.push(() => client.destroy());
    this.endpoints.set('cognito', `${target.label}, pool ${userPoolId}`);
    return { client, userPoolId };
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
      const tableName = dependency === 'dynamodb' ? this.table?.tableName : undefined;
      throw new CliError(describeDependencyFailure(dependency, { endpoint, tableName }, error), 1, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    // Closing must not mask the command's own outcome, and one engine failing to close
    // must not keep the others open.
    await Promise.allSettled(this.closers.reverse().map(async (close) => close()));
  }
}
