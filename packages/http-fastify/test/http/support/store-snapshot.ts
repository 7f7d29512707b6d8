import type { InMemoryConversations, InMemoryUserDirectory } from '@cruddur/adapters-memory';
import type { Message } from '@cruddur/core';

/**
 * Everything a reader could see: every user, each one's stored inbox rows (duplicates
 * included) and every message of every group in them. Equal snapshots mean nothing was written.
 */
export async function storeSnapshot(users: InMemoryUserDirectory, conversations: InMemoryConversations) {
  const everyone = await users.listAll();
  const inboxes = await Promise.all(
    everyone.map(async (user) => [user.handle, await conversations.storedInboxRows(user.uuid)] as const),
  );
  const groups = new Set(inboxes.flatMap(([, rows]) => rows.map((row) => row.groupUuid)));
  const messages: Record<string, Message[]> = {};
  for (const group of groups) messages[group] = await allMessages(conversations, group);
  return { users: everyone, inboxes: Object.fromEntries(inboxes), messages };
}

async function allMessages(conversations: InMemoryConversations, groupUuid: string): Promise<Message[]> {
  const pages: Message[][] = [];
  let cursor: string | null = null;
  do {
    const page = await conversations.listMessages(groupUuid, { limit: 50, cursor });
    pages.unshift([...page.items]);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages.flat();
}
