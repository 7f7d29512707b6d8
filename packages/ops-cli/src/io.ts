import type { PgPool } from '@cruddur/adapters-aws/postgres';

/** Where the CLI writes: `process.stdout` fits, and so does a test's string collector. */
export interface CliStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** A pool the CLI closes when its command ends (`pg.Pool` and pg-mem's pool both fit). */
export type ClosablePool = PgPool & { end(): Promise<void> };

/** Everything the CLI touches outside itself, so tests run it in-process. */
export interface CliEnvironment {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Opens PostgreSQL at a URL. Default: `createPgPool`; tests hand in pg-mem. */
  readonly openPostgres?: ((connectionUrl: string) => ClosablePool) | undefined;
  /** Default: the system clock. Seeds space their messages back from it. */
  readonly now?: (() => Date) | undefined;
}
