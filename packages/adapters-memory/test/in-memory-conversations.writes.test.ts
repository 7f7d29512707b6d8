import { MessageGroupNotFoundError, ValidationError } from '@cruddur/core';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { describe, expect, it } from 'vitest';
import { aConversationStore, firstPage } from './conversation-fixtures.js';

describe('InMemoryConversations writes', () => {
  it('bumps a send past every taken microsecond, including ones later sends took', async () => {
    const { conversations, open, send } = aConversationStore();
    const [a, b] = [aParticipant(), aParticipant()];
    const group = await open(a, b);
    await conversations.append(aMessage(group, a, b, { sentAt: anInstant(1, 1) }));
    await conversations.append(aMessage(group, a, b, { sentAt: anInstant(1, 2) }));
    const bumped = await send(group, b, a, 1);
    const again = await send(group, b, a, 1);
    expect([bumped.createdAt, again.createdAt]).toEqual([anInstant(1), anInstant(1, 3)]);
  });

  it('files an older send in time order and leaves the inbox on the newer message', async () => {
    const { conversations, open, send } = aConversationStore();
    const [a, b] = [aParticipant(), aParticipant()];
    const group = await open(a, b);
    for (const [seconds, text] of [
      [30, 'third'],
      [10, 'first'],
      [20, 'second'],
    ] as const) {
      await send(group, a, b, seconds, text);
    }
    const listed = await conversations.listMessages(group, firstPage);
    expect(listed.items.map((message) => message.text)).toEqual(['first', 'second', 'third']);
    const inbox = await conversations.listInbox(b.uuid, firstPage);
    expect(inbox.items.map((entry) => [entry.lastMessage, entry.lastMessageAt])).toEqual([
      ['third', anInstant(30)],
    ]);
  });

  it('reads the timestamp variants of the original system as the send time', async () => {
    const { conversations, open } = aConversationStore();
    const [a, b] = [aParticipant(), aParticipant()];
    const group = await open(a, b);
    const stored = await conversations.append(aMessage(group, a, b, { sentAt: '2026-01-01 00:00:05' }));
    expect(stored.createdAt).toBe(anInstant(5));
  });

  it('shows each member the other as named in the latest message', async () => {
    const { conversations, open, send } = aConversationStore();
    const [a, b] = [aParticipant({ displayName: 'Ann' }), aParticipant({ displayName: 'Bo' })];
    const group = await open(a, b);
    await send(group, a, b, 1);
    await send(group, { ...a, displayName: 'Ann Renamed' }, b, 2);
    const inbox = await conversations.listInbox(b.uuid, firstPage);
    expect(inbox.items.map((entry) => entry.otherUser.displayName)).toEqual(['Ann Renamed']);
    const messages = await conversations.listMessages(group, firstPage);
    expect(messages.items.map((message) => message.sender.displayName)).toEqual(['Ann', 'Ann Renamed']);
  });

  it('refuses a first send from a user to themself into a group that was never opened, storing nothing', async () => {
    const { conversations } = aConversationStore();
    const a = aParticipant();
    const ghost = '00000000-0000-4000-8000-00000000dead';
    await expect(conversations.append(aMessage(ghost, a, a))).rejects.toThrow(MessageGroupNotFoundError);
    expect(await conversations.findGroupMembers(ghost)).toBeNull();
    expect(await conversations.storedInboxRows(a.uuid)).toEqual([]);
  });

  it('refuses a send between users who are not the members of the group', async () => {
    const { conversations, open } = aConversationStore();
    const [a, b, mallory] = [aParticipant(), aParticipant(), aParticipant()];
    const group = await open(a, b);
    await expect(conversations.append(aMessage(group, mallory, b))).rejects.toThrow(
      MessageGroupNotFoundError,
    );
    await expect(conversations.append(aMessage(group, a, a))).rejects.toThrow(MessageGroupNotFoundError);
    expect((await conversations.listMessages(group, firstPage)).items).toEqual([]);
  });

  it('refuses to open a group of one user with themself', async () => {
    const { conversations } = aConversationStore();
    const me = aParticipant();
    await expect(conversations.openGroup([me.uuid, me.uuid], 'g')).rejects.toThrow(ValidationError);
    expect(await conversations.findGroupByPair(me.uuid, me.uuid)).toBeNull();
  });

  it('hands out messages, entries and members a caller cannot change', async () => {
    const { conversations, open } = aConversationStore();
    const [a, b] = [aParticipant(), aParticipant()];
    const group = await open(a, b);
    const draft = aMessage(group, { ...a }, b, { text: 'kept' });
    const stored = await conversations.append(draft);
    Object.assign(draft.sender, { displayName: 'changed after sending' });
    expect(() => Object.assign(stored, { text: 'edited' })).toThrow(TypeError);
    expect(() => Object.assign(stored.sender, { handle: 'edited' })).toThrow(TypeError);
    const [entry] = (await conversations.listInbox(a.uuid, firstPage)).items;
    expect(() => Object.assign(entry?.otherUser ?? {}, { handle: 'edited' })).toThrow(TypeError);
    const members = await conversations.findGroupMembers(group);
    expect(() => Object.assign(members ?? [], { 0: 'mallory' })).toThrow(TypeError);
    const page = await conversations.listMessages(group, firstPage);
    expect(page.items).toEqual([{ ...stored, sender: a, text: 'kept' }]);
  });
});
