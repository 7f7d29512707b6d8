import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('../../../src/start.ts', import.meta.url));
const CRASH_ON_STDIN = fileURLToPath(new URL('./crash-on-stdin.mjs', import.meta.url));

export interface HostProcess {
  readonly url: string;
  /** SIGTERM, then the exit code once the process is gone. */
  stop(): Promise<number | null>;
  /** Makes the host throw an uncaught error (with `crashable`), then the exit code. */
  crash(): Promise<number | null>;
  /** SIGKILL: no chance to stop its engines. */
  kill(): Promise<number | null>;
  /** Everything it printed so far. */
  output(): string;
}

const running = new Set<ChildProcess>();

/** SIGKILLs every host a failed or timed-out test left running (for `afterAll`). */
export function killLeftoverHosts(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** The start entry in a child process, as `npm start` runs it (on the TypeScript sources, through tsx). */
function spawnStart(env: Record<string, string>, args: string[], crashable = false) {
  const preload = crashable ? ['--import', CRASH_ON_STDIN] : [];
  const child = spawn(process.execPath, ['--conditions=@cruddur/source', '--import', 'tsx', ...preload, START, ...args], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: [crashable ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk) => chunks.push(String(chunk)));
  child.stderr?.on('data', (chunk) => chunks.push(String(chunk)));
  return { child, output: () => chunks.join('') };
}

/** Starts the host and resolves once its banner names the URL. */
export async function startHostProcess(
  env: Record<string, string>,
  args: string[] = [],
  { crashable = false } = {},
): Promise<HostProcess> {
  const { child, output } = spawnStart(env, args, crashable);
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output());
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}) before listening:\n${output()}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exitOf(child);
    },
    crash: () => {
      child.stdin?.write('crash\n');
      return exitOf(child);
    },
    kill: () => {
      child.kill('SIGKILL');
      return exitOf(child);
    },
    output,
  };
}

/** Runs the start entry expecting it to refuse to start: its exit code and everything it printed. */
export async function refusedStart(env: Record<string, string>, args: string[] = []) {
  const { child, output } = spawnStart(env, args);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, output: output() };
}
