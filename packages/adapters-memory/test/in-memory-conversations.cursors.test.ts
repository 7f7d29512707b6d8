import { InvalidCursorError, InvalidPageLimitError } from '@cruddur/core';
import { aParticipant } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { aConversationStore } from './conversation-fixtures.js';

describe('InMemoryConversations cursors', () => {
  const setup = async () => {
    const store = aConversationStore();
    const [a, b, c] = [aParticipant(), aParticipant(), aParticipant()];
    const ab = await store.open(a, b);
    const ac = await store.open(a, c);
    for (let i = 0; i < 3; i++) {
      await store.send(ab, a, b, i);
      await store.send(ac, a, c, 10 + i);
    }
    const messagesCursor = (await store.conversations.listMessages(ab, { limit: 1, cursor: null }))
      .nextCursor;
    const inboxCursor = (await store.conversations.listInbox(a.uuid, { limit: 1, cursor: null })).nextCursor;
    if (messagesCursor === null || inboxCursor === null) throw new Error('expected a next page');
    return { ...store, a, b, ab, ac, messagesCursor, inboxCursor };
  };

  it('continues a list with the cursor it issued for that list', async () => {
    const { conversations, a, ab, messagesCursor, inboxCursor } = await setup();
    const older = await conversations.listMessages(ab, { limit: 5, cursor: messagesCursor });
    expect(older.items).toHaveLength(2);
    expect(older.nextCursor).toBeNull();
    const rest = await conversations.listInbox(a.uuid, { limit: 5, cursor: inboxCursor });
    expect(rest.items.map((entry) => entry.groupUuid)).toEqual([ab]);
  });

  it('refuses a messages cursor issued for another group', async () => {
    const { conversations, ac, messagesCursor } = await setup();
    await expect(conversations.listMessages(ac, { limit: 5, cursor: messagesCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it("refuses an inbox cursor issued for another member's inbox", async () => {
    const { conversations, b, inboxCursor } = await setup();
    await expect(conversations.listInbox(b.uuid, { limit: 5, cursor: inboxCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('refuses a cursor of one kind of list on the other', async () => {
    const { conversations, a, ab, messagesCursor, inboxCursor } = await setup();
    await expect(conversations.listInbox(a.uuid, { limit: 5, cursor: messagesCursor })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(conversations.listMessages(ab, { limit: 5, cursor: inboxCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('refuses an issued cursor with characters added, removed or an empty one', async () => {
    const { conversations, ab, messagesCursor } = await setup();
    for (const cursor of [`${messagesCursor}!`, messagesCursor.slice(1), '', '====']) {
      await expect(conversations.listMessages(ab, { limit: 5, cursor }), cursor).rejects.toThrow(
        InvalidCursorError,
      );
    }
  });

  it('checks the cursor of a group that has no messages at all', async () => {
    const { conversations, messagesCursor } = await setup();
    const unknown = '00000000-0000-4000-8000-00000000ffff';
    expect(await conversations.listMessages(unknown, { limit: 5, cursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    await expect(conversations.listMessages(unknown, { limit: 5, cursor: messagesCursor })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('refuses page limits outside 1 to 50 instead of answering a wrong page', async () => {
    const { conversations, a, ab } = await setup();
    for (const limit of [0, -1, 51, 1.5, Number.NaN]) {
      await expect(conversations.listInbox(a.uuid, { limit, cursor: null })).rejects.toThrow(
        InvalidPageLimitError,
      );
      await expect(conversations.listMessages(ab, { limit, cursor: null })).rejects.toThrow(
        InvalidPageLimitError,
      );
    }
  });
});
