import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort } from '@cruddur/engines';

/** dynalite in a child process, so its work does not share the measured process's event loop. */
export const startExternalDynalite = async (): Promise<{ port: number; stop(): void }> => {
  const port = await freePort();
  const dynalite = createRequire(import.meta.url).resolve('dynalite');
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(dynalite)})({ createTableMs: 0 }).listen(${port}, '127.0.0.1', () => console.log('up'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dynalite exited with ${code}`)));
    child.stdout?.once('data', () => resolve());
  });
  return { port, stop: () => child.kill() };
};
