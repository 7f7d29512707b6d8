/**
 * Library use without any server: wire the in-memory adapters into the use cases and walk
 * one conversation through them. Run it: `npm start -w @cruddur/example-in-memory`.
 */
import { InMemoryConversations, InMemoryReadMarkers, InMemoryUserDirectory } from '@cruddur/adapters-memory';
import {
  CreateMessage,
  ListMessageGroups,
  ListMessages,
  RandomIdGenerator,
  SystemClock,
  ValidationError,
} from '@cruddur/core';

export async function walkThroughConversation(log: (line: string) => void = console.log): Promise<string[]> {
  const users = new InMemoryUserDirectory();
  const conversations = new InMemoryConversations();
  const readMarkers = new InMemoryReadMarkers(conversations);
  const deps = { users, conversations, readMarkers, clock: new SystemClock(), ids: new RandomIdGenerator() };
  const createMessage = new CreateMessage(deps);
  const listMessages = new ListMessages(deps);
  const listMessageGroups = new ListMessageGroups(deps);

  await users.create({ handle: 'ada', displayName: 'Ada', email: 'ada@example.test', cognitoUserId: 'sub-ada' });
  await users.create({ handle: 'linus', displayName: 'Linus', email: 'linus@example.test', cognitoUserId: 'sub-linus' });

  // Start a conversation by handle, then reply into the group it created.
  const first = await createMessage.execute({ mode: 'create', callerSub: 'sub-ada', handle: 'linus', message: 'Hi Linus!' });
  await createMessage.execute({
    mode: 'update',
    callerSub: 'sub-linus',
    groupUuid: first.groupUuid,
    message: '  Hello Ada, good to hear from you.  ',
  });

  try {
    await createMessage.execute({ mode: 'update', callerSub: 'sub-ada', groupUuid: first.groupUuid, message: '   ' });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    log(`rejected: ${error.errors.join(', ')}`);
  }

  const inbox = await listMessageGroups.execute({ callerSub: 'sub-linus' });
  for (const entry of inbox.items) log(`inbox of linus: ${entry.otherUser.handle} said "${entry.lastMessage}"`);

  const page = await listMessages.execute({ callerSub: 'sub-ada', groupUuid: first.groupUuid, limit: 10 });
  const transcript = page.items.map((m) => `${m.sender.handle}: ${m.text}`);
  for (const line of transcript) log(line);
  return transcript;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await walkThroughConversation();
}
