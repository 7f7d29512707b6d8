import { randomUUID } from 'node:crypto';
import { newDb } from 'pg-mem';
import type { CliEnvironment, ClosablePool } from '../../src/cli/index.js';
import { main } from '../../src/cli/index.js';

// The SDK warns about Node 20 once per process; the bin silences it the same way.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, as the bin would, and captures what it prints. */
export const runCli = async (
  argv: readonly string[],
  environment: Partial<Omit<CliEnvironment, 'stdout' | 'stderr'>> = {},
): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: {},
    ...environment,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
};

/** `--json` output, parsed; the caller states the shape it expects. */
export const jsonOf = <T>(run: CliRun): T => JSON.parse(run.stdout) as T;

/** One pg-mem database; each `open` is a new pool on it, as each CLI run opens its own. */
export const pgMemServer = (): ((url: string) => ClosablePool) => {
  const db = newDb();
  return () => {
    const { Pool } = db.adapters.createPg();
    const pool: ClosablePool = new Pool();
    return pool;
  };
};

export const aTableName = (): string => `cli-${randomUUID()}`;
