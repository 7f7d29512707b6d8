import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sendOneMessage } from './main.js';

const dir = await mkdtemp(join(tmpdir(), 'cruddur-example-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

it('sends a message between users read from the JSON file, twice on the same file', async () => {
  const usersFile = join(dir, 'users.json');
  const log: string[] = [];
  for (let run = 0; run < 2; run++) {
    expect(await sendOneMessage(usersFile, (line) => log.push(line))).toEqual([
      'ada: Hi Linus, your profile came from a JSON file.',
    ]);
  }
  expect(log.filter((line) => line === `users in ${usersFile}: ada, linus`)).toHaveLength(2);
});
