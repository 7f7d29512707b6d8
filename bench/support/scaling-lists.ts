import { randomUUID } from 'node:crypto';
import { InMemoryConversations } from '@cruddur/adapters-memory';
import type { Conversations, Page, PageRequest, Participant } from '@cruddur/core';
import { aParticipant, chatLine, instantAt } from './fixtures.js';

export type ReadPage = (page: PageRequest) => Promise<Page<unknown>>;

/** One list kind on one engine, twice: with 10 entries and with `size` entries. */
export interface ListPair {
  readonly engine: string;
  readonly list: 'inbox' | 'messages';
  /** What one entry of the list is, for the table: "groups" or "messages". */
  readonly entries: string;
  readonly size: number;
  readonly small: ReadPage;
  readonly big: ReadPage;
}

export const SMALL = 10;

/** `count` conversations for `owner`, one message each, through the port. */
const fillInbox = async (conversations: Conversations, owner: Participant, count: number) => {
  for (let i = 0; i < count; i++) {
    const other = aParticipant(`peer${i}`);
    const groupUuid = await conversations.openGroup([owner.uuid, other.uuid], randomUUID());
    const draft = {
      groupUuid,
      messageUuid: randomUUID(),
      sender: other,
      recipient: owner,
      text: chatLine(i),
    };
    await conversations.append({ ...draft, sentAt: instantAt(i) });
  }
};

/** One conversation of `count` messages, through the port. */
const fillConversation = async (conversations: Conversations, count: number): Promise<string> => {
  const [a, b] = [aParticipant('a'), aParticipant('b')];
  const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
  for (let i = 0; i < count; i++) {
    const [sender, recipient] = i % 2 === 0 ? [a, b] : [b, a];
    const draft = { groupUuid, messageUuid: randomUUID(), sender, recipient, text: chatLine(i) };
    await conversations.append({ ...draft, sentAt: instantAt(i) });
  }
  return groupUuid;
};

/** Both lists on the in-memory adapter, filled through `openGroup`/`append` like real sends. */
export const memoryLists = async (size: number): Promise<ListPair[]> => {
  const conversations = new InMemoryConversations();
  const [smallOwner, bigOwner] = [aParticipant('small-owner'), aParticipant('big-owner')];
  await fillInbox(conversations, smallOwner, SMALL);
  await fillInbox(conversations, bigOwner, size);
  const [smallGroup, bigGroup] = [
    await fillConversation(conversations, SMALL),
    await fillConversation(conversations, size),
  ];
  const engine = 'memory';
  return [
    {
      engine,
      list: 'inbox',
      entries: 'groups',
      size,
      small: (page) => conversations.listInbox(smallOwner.uuid, page),
      big: (page) => conversations.listInbox(bigOwner.uuid, page),
    },
    {
      engine,
      list: 'messages',
      entries: 'messages',
      size,
      small: (page) => conversations.listMessages(smallGroup, page),
      big: (page) => conversations.listMessages(bigGroup, page),
    },
  ];
};
