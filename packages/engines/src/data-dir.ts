import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alive } from './postgres-process.js';

/** One directory for the engines' files: DynamoDB (dynalite's LevelDB) and PostgreSQL, side by side. */
export interface DataDir {
  readonly path: string;
  readonly dynamodb: string;
  readonly postgres: string;
  /** Gives the directory up for the next host. */
  release(): Promise<void>;
}

const LOCK_FILE = 'host.pid';

/**
 * Claims the data directory for this process (creating it), so two hosts never open one store:
 * a second host is refused with the pid of the first. A lock left by a host that died is taken
 * over. `reset` deletes the engines' data first (only their two subdirectories).
 */
export async function openDataDir(path: string, { reset = false } = {}): Promise<DataDir> {
  // 0o755: as root, embedded PostgreSQL runs as the `postgres` user, which must reach its directory.
  await mkdir(path, { recursive: true, mode: 0o755 });
  const lock = join(path, LOCK_FILE);
  const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
    throw new Error(`The data directory ${path} is in use by another host (pid ${holder}); stop it or set CRUDDUR_DATA_DIR.`);
  }
  await writeFile(lock, String(process.pid));
  const dataDir: DataDir = {
    path,
    dynamodb: join(path, 'dynamodb'),
    postgres: join(path, 'postgres'),
    release: () => rm(lock, { force: true }),
  };
  if (reset) {
    await rm(dataDir.dynamodb, { recursive: true, force: true });
    await rm(dataDir.postgres, { recursive: true, force: true });
  }
  return dataDir;
}
