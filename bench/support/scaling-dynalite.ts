import { randomUUID } from 'node:crypto';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
  inboxRowItem,
  messageRowItem,
} from '@cruddur/adapters-aws/dynamo';
import { startDynalite } from '@cruddur/engines';
import { checkRowsMatchAdapter, type Item, putAll, type Table } from './dynamo-rows.js';
import { aParticipant, chatLine, instantAt } from './fixtures.js';
import { progress } from './progress.js';
import { type ListPair, SMALL } from './scaling-lists.js';

const TABLE = 'bench-scaling';

const inboxRows = (ownerUuid: string, count: number): Item[] =>
  Array.from({ length: count }, (_, i) =>
    inboxRowItem({
      ownerUuid,
      other: aParticipant(`peer${i}`),
      groupUuid: randomUUID(),
      text: chatLine(i),
      at: instantAt(i),
    }),
  );

const messageRows = (groupUuid: string, count: number): Item[] => {
  const [a, b] = [aParticipant('a'), aParticipant('b')];
  return Array.from({ length: count }, (_, i) =>
    messageRowItem({
      uuid: randomUUID(),
      groupUuid,
      sender: i % 2 === 0 ? a : b,
      text: chatLine(i),
      createdAt: instantAt(i),
    }),
  );
};

export interface DynaliteLists {
  readonly pairs: ListPair[];
  readonly fillSeconds: { readonly inbox: number; readonly messages: number };
  stop(): Promise<void>;
}

/** Both lists on DynamoConversations over dynalite, rows written by BatchWrite (see dynamo-rows.ts). */
export const dynaliteLists = async (size: number): Promise<DynaliteLists> => {
  const engine = await startDynalite();
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const stop = async () => {
    client.destroy();
    await engine.stop();
  };
  try {
    await ensureMessagesTable(client, TABLE);
    const table: Table = { client, name: TABLE };
    const conversations = new DynamoConversations({ client, tableName: TABLE });
    await checkRowsMatchAdapter(table, conversations);
    const [smallOwner, bigOwner, smallGroup, bigGroup] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const timed = async (what: string, items: Item[]) => {
      progress(`scaling: dynalite: writing ${items.length.toLocaleString('en-US')} ${what}`);
      const started = performance.now();
      await putAll(table, items);
      return (performance.now() - started) / 1000;
    };
    const fillSeconds = {
      inbox: await timed('inbox rows', [...inboxRows(smallOwner, SMALL), ...inboxRows(bigOwner, size)]),
      messages: await timed('message rows', [
        ...messageRows(smallGroup, SMALL),
        ...messageRows(bigGroup, size),
      ]),
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
