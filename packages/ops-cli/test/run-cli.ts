import { randomUUID } from 'node:crypto';
import type { CliEnvironment } from '../src/index.js';
import { main } from '../src/index.js';

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

export const aTableName = (): string => `cli-${randomUUID()}`;
