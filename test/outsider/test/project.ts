import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const exec = promisify(execFile);

/** The installed project (see install-tarballs.ts). */
export const app = (): string => inject('app');

/** Runs a program in the project; on failure the error carries its stdout and stderr. */
export const runIn = async (file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    return await exec(file, args, { cwd: app(), env: { ...process.env, ...env }, timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
};

export const writeIn = (name: string, text: string): void => writeFileSync(join(app(), name), text);

/** What the packages ask of a consumer (README, "Using the packages"): ESM, NodeNext, strict. */
export const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    outDir: 'out',
    rootDir: '.',
  },
  include: ['*.ts'],
};
