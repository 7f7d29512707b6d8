/**
 * The custom adapter in use: users in a JSON file, conversations in memory, wired into the use
 * cases by hand. Run it: `npm start -w @cruddur/example-custom-adapter [-- path/to/users.json]`.
 * Without a path it uses a fresh temp file; with one, a second run finds the users the first made.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryConversations } from '@cruddur/adapters-memory';
import {
  CreateMessage,
  ListMessages,
  RandomIdGenerator,
  SystemClock,
  type UserDirectory,
} from '@cruddur/core';
import { JsonFileUserDirectory } from './json-file-user-directory.js';

export async function sendOneMessage(
  usersFile: string,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  const users = new JsonFileUserDirectory(usersFile);
  const conversations = new InMemoryConversations();
  const deps = { users, conversations, clock: new SystemClock(), ids: new RandomIdGenerator() };

  await ensureUser(users, 'ada', 'Ada');
  await ensureUser(users, 'linus', 'Linus');
  log(`users in ${usersFile}: ${(await users.listAll()).map((user) => user.handle).join(', ')}`);

  const sent = await new CreateMessage(deps).execute({
    mode: 'create',
    callerSub: 'sub-ada',
    handle: 'linus',
    message: 'Hi Linus, your profile came from a JSON file.',
  });
  const page = await new ListMessages(deps).execute({ callerSub: 'sub-linus', groupUuid: sent.groupUuid });
  const transcript = page.items.map((message) => `${message.sender.handle}: ${message.text}`);
  for (const line of transcript) log(line);
  return transcript;
}

/** Find-or-create, so running twice against the same file does not hit HandleTakenError. */
async function ensureUser(users: UserDirectory, handle: string, displayName: string): Promise<void> {
  if (await users.findByHandle(handle)) return;
  await users.create({
    handle,
    displayName,
    email: `${handle}@example.test`,
    cognitoUserId: `sub-${handle}`,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usersFile = process.argv[2] ?? join(await mkdtemp(join(tmpdir(), 'cruddur-example-')), 'users.json');
  await sendOneMessage(usersFile);
}
