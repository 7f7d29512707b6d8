import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Servers under load run in child processes, one core each on this 2-core machine, while the
 * load generator runs in the bench process: neither steals CPU from the other, and the app
 * and the bare baseline get exactly the same treatment. Children inherit this process's
 * `--conditions` and `--import tsx` flags (fork reuses `process.execArgv`).
 */
export interface ServerProcess<Info> {
  readonly info: Info;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Forks `entry`, sends it `config`, and resolves with the first message it sends back. */
export const startServerProcess = async <Config, Info>(
  entry: URL,
  config: Config,
  /** Node flags for the child on top of this process's own (e.g. `--expose-gc`). */
  extraExecArgv: readonly string[] = [],
): Promise<ServerProcess<Info>> => {
  const child = fork(fileURLToPath(entry), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...extraExecArgv],
  });
  const info = await new Promise<Info>((resolve, reject) => {
    // IPC carries plain JSON; the child side (`serveFromChild`) sends exactly an `Info`.
    child.once('message', (message) => resolve(message as Info));
    child.once('exit', (code) =>
      reject(new Error(`${entry.pathname} exited with code ${code} before it was ready`)),
    );
    child.send(config as object);
  });
  child.removeAllListeners('exit');
  return {
    info,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
};

/** The child side: waits for its config, starts, and reports what the parent needs to know. */
export const serveFromChild = <Config, Info>(start: (config: Config) => Promise<Info>): void => {
  process.once('message', (config) => {
    start(config as Config).then(
      (info) => process.send?.(info as object),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.once('SIGTERM', () => process.exit(0));
};
