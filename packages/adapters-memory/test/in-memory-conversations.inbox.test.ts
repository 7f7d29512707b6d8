import { aParticipant } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { aConversationStore, firstPage } from './conversation-fixtures.js';

describe('InMemoryConversations inbox', () => {
  it('moves a group to the top when it gets a new message, keeping one row', async () => {
    const { conversations, open, send } = aConversationStore();
    const [me, b, c] = [aParticipant(), aParticipant(), aParticipant()];
    const withB = await open(me, b);
    const withC = await open(me, c);
    await send(withB, b, me, 1);
    await send(withC, c, me, 2);
    await send(withB, me, b, 3, 'back to b');
    const inbox = await conversations.listInbox(me.uuid, firstPage);
    expect(inbox.items.map((entry) => [entry.groupUuid, entry.lastMessage])).toEqual([
      [withB, 'back to b'],
      [withC, expect.any(String)],
    ]);
    expect(await conversations.storedInboxRows(me.uuid)).toHaveLength(2);
  });

  it('never shows a group twice while paging, even when it moves up between pages', async () => {
    const { conversations, open, send } = aConversationStore();
    const me = aParticipant();
    const chats = [];
    for (let i = 0; i < 6; i++) {
      const other = aParticipant();
      const group = await open(me, other);
      await send(group, other, me, i);
      chats.push({ other, group });
    }
    const [oldest] = chats;
    if (!oldest) throw new Error('no chats');
    const first = await conversations.listInbox(me.uuid, { limit: 3, cursor: null });
    // The oldest group gets a new message between the two reads: it moves above the cursor.
    await send(oldest.group, oldest.other, me, 100);
    const second = await conversations.listInbox(me.uuid, { limit: 3, cursor: first.nextCursor });
    const seen = [...first.items, ...second.items].map((entry) => entry.groupUuid);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      chats
        .slice(1)
        .reverse()
        .map((chat) => chat.group),
    );
    expect(second.nextCursor).toBeNull();
  });

  it('orders groups that share a last-message instant the same way on every read', async () => {
    const { conversations, open, send } = aConversationStore();
    const me = aParticipant();
    for (let i = 0; i < 5; i++) {
      const other = aParticipant();
      await send(await open(me, other), other, me, 7);
    }
    const whole = await conversations.listInbox(me.uuid, firstPage);
    const paged = [];
    let cursor: string | null = null;
    do {
      const page = await conversations.listInbox(me.uuid, { limit: 2, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(whole.items);
    expect(new Set(paged.map((entry) => entry.groupUuid)).size).toBe(5);
  });

  it('lists an owner without conversations as one empty last page', async () => {
    const { conversations } = aConversationStore();
    expect(await conversations.listInbox(aParticipant().uuid, firstPage)).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('shows a group in the inbox only once it has a message', async () => {
    const { conversations, open } = aConversationStore();
    const [a, b] = [aParticipant(), aParticipant()];
    await open(a, b);
    expect((await conversations.listInbox(a.uuid, firstPage)).items).toEqual([]);
  });
});
