import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aNewUser, runUserDirectoryContract } from '@cruddur/core/testing';
import { afterAll, expect, it } from 'vitest';
import { JsonFileUserDirectory } from './json-file-user-directory.js';

const dirs: string[] = [];
const aTempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'cruddur-users-'));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// The adapter is done when the suite every other UserDirectory passes, passes here too.
runUserDirectoryContract(
  'JSON file',
  async () => new JsonFileUserDirectory(join(await aTempDir(), 'users.json')),
);

it('keeps every one of 20 parallel creates, as a fresh instance reading the file sees', async () => {
  const dir = await aTempDir();
  const users = new JsonFileUserDirectory(join(dir, 'users.json'));

  const created = await Promise.all(Array.from({ length: 20 }, () => users.create(aNewUser())));

  const reloaded = await new JsonFileUserDirectory(join(dir, 'users.json')).listAll();
  expect(reloaded).toHaveLength(20);
  for (const user of created) expect(reloaded).toContainEqual(user);
  // Every temp file was renamed into place; none is left beside the directory file.
  expect(await readdir(dir)).toEqual(['users.json']);
});
