import { randomUUID } from 'node:crypto';
import {
  type BulkLoad,
  bulkLoad,
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
} from '@cruddur/adapters-aws/dynamo';
import type { Message } from '@cruddur/core';
import { startDynalite } from '@cruddur/engines';
import { aParticipant, chatLine, instantAt } from './fixtures.js';
import { progress } from './progress.js';
import { type ListPair, SMALL } from './scaling-lists.js';

const TABLE = 'bench-scaling';

/*
 * Filling 100 000 rows through `append` would take minutes (five calls per send), so the rows
 * go in through the adapter's bulk loader: the same rows `append` writes, without the ordering.
 */
const inboxEntries = (ownerUuid: string, count: number): NonNullable<BulkLoad['inboxEntries']> =>
  Array.from({ length: count }, (_, i) => ({
    ownerUuid,
    entry: {
      groupUuid: randomUUID(),
      otherUser: aParticipant(`peer${i}`),
      lastMessage: chatLine(i),
      lastMessageAt: instantAt(i),
    },
  }));

const messages = (groupUuid: string, count: number): Message[] => {
  const [a, b] = [aParticipant('a'), aParticipant('b')];
  return Array.from({ length: count }, (_, i) => ({
    uuid: randomUUID(),
    groupUuid,
    sender: i % 2 === 0 ? a : b,
    text: chatLine(i),
    createdAt: instantAt(i),
  }));
};

export interface DynaliteLists {
  readonly pairs: ListPair[];
  readonly fillSeconds: { readonly inbox: number; readonly messages: number };
  stop(): Promise<void>;
}

/** Both lists on DynamoConversations over dynalite, rows written by `bulkLoad`. */
export const dynaliteLists = async (size: number): Promise<DynaliteLists> => {
  const engine = await startDynalite();
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const stop = async () => {
    client.destroy();
    await engine.stop();
  };
  try {
    await ensureMessagesTable(client, TABLE);
    const conversations = new DynamoConversations({ client, tableName: TABLE });
    const [smallOwner, bigOwner, smallGroup, bigGroup] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const timed = async (what: string, rows: number, load: BulkLoad) => {
      progress(`scaling: dynalite: writing ${rows.toLocaleString('en-US')} ${what}`);
      const started = performance.now();
      await bulkLoad({ client, tableName: TABLE }, load);
      return (performance.now() - started) / 1000;
    };
    const fillSeconds = {
      inbox: await timed('inbox rows', SMALL + size, {
        inboxEntries: [...inboxEntries(smallOwner, SMALL), ...inboxEntries(bigOwner, size)],
      }),
      messages: await timed('message rows', SMALL + size, {
        messages: [...messages(smallGroup, SMALL), ...messages(bigGroup, size)],
      }),
    };
    const engineName = 'dynalite';
    return {
      fillSeconds,
      stop,
      pairs: [
        {
          engine: engineName,
          list: 'inbox',
          entries: 'groups',
          size,
          small: (page) => conversations.listInbox(smallOwner, page),
          big: (page) => conversations.listInbox(bigOwner, page),
        },
        {
          engine: engineName,
          list: 'messages',
          entries: 'messages',
          size,
          small: (page) => conversations.listMessages(smallGroup, page),
          big: (page) => conversations.listMessages(bigGroup, page),
        },
      ],
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
