import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
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

export interface InstalledHost {
  readonly address: string;
  readonly process: ChildProcess;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** The installed host bin (`cruddur-messaging`), once its banner says where it listens. */
export const startInstalledHost = async (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const host = spawn(join(app(), 'node_modules/.bin/cruddur-messaging'), args, {
    cwd: app(),
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(host, 'exit');
  let output = '';
  host.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const address = await new Promise<string>((resolve, reject) => {
    host.stdout?.on('data', (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found !== undefined) resolve(found);
    });
    host.on('exit', () => reject(new Error(`host exited before listening:\n${output}`)));
  });
  const stop = async () => {
    host.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  };
  return { address, process: host, stop } satisfies InstalledHost;
};
