import type { Participant } from '@cruddur/core';
import { aMessage, anInstant } from '@cruddur/core/testing';
import { InMemoryConversations, SequentialIdGenerator } from '../src/index.js';

/** A fresh adapter and a helper to open pairs and send, for the adapter's own tests. */
export const aConversationStore = () => {
  const conversations = new InMemoryConversations();
  const groupIds = new SequentialIdGenerator({ prefix: '99999999' });
  const open = (a: Participant, b: Participant) => conversations.openGroup([a.uuid, b.uuid], groupIds.uuid());
  const send = (groupUuid: string, from: Participant, to: Participant, secondsAfter: number, text?: string) =>
    conversations.append(
      aMessage(groupUuid, from, to, {
        sentAt: anInstant(secondsAfter),
        ...(text === undefined ? {} : { text }),
      }),
    );
  return { conversations, open, send };
};

export const firstPage = { limit: 50, cursor: null } as const;
