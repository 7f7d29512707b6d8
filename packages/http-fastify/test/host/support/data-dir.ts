import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory to give a host as its data directory; `remove()` deletes it. */
export async function temporaryDataDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'cruddur-data-'));
  // As root, embedded PostgreSQL runs as `postgres`, which must reach the directory (mkdtemp gives 0700).
  await chmod(parent, 0o755);
  return { path: join(parent, 'data'), remove: () => rm(parent, { recursive: true, force: true }) };
}
