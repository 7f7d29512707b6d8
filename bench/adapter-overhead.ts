import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '@cruddur/core';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
  inboxPartition,
  messagesPartition,
} from '@cruddur/adapters-aws/dynamo';
import { startDynalite } from '@cruddur/engines';
import type { SectionResult } from './section.js';
import { aParticipant, chatLine, instantAt } from './support/fixtures.js';
import { progress } from './support/progress.js';
import { replayClient } from './support/replay-client.js';
import { atLeast, type Row } from './support/report.js';
import { compareSideBySide, microsPerCall } from './support/side-by-side.js';
import { formatRate, formatRatio } from './support/stats.js';

const TARGET = 0.9;
const LIMIT = 20;
const TABLE = 'bench-overhead';
const FIRST_PAGE: PageRequest = { limit: LIMIT, cursor: null };

/** The query a developer would write by hand for the same page: same key, order and limit+1. */
const handQuery = (client: DynamoDBDocumentClient, pk: string) => () =>
  client.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: LIMIT + 1,
    }),
  );

interface ListUnderTest {
  readonly name: string;
  readonly pk: string;
  readonly page: (conversations: DynamoConversations) => Promise<Page<unknown>>;
}

/**
 * Two rows per list: the ratio on dynalite (the target), and the adapter's own CPU per page,
 * timed on a client that replays the engine's recorded answer, so no engine noise hides it.
 */
const measureList = async (client: DynamoDBDocumentClient, list: ListUnderTest): Promise<Row[]> => {
  progress(`adapter: ${list.name} vs hand-written Query on dynalite`);
  const conversations = new DynamoConversations({ client, tableName: TABLE });
  const onEngine = await compareSideBySide(() => list.page(conversations), handQuery(client, list.pk));
  const replay = replayClient(await handQuery(client, list.pk)());
  const onReplay = new DynamoConversations({ client: replay, tableName: TABLE });
  const replayed = await list.page(onReplay);
  if (replayed.items.length !== LIMIT)
    throw new Error(`Replayed ${list.name} gave ${replayed.items.length} entries`);
  const adapterMicros = await microsPerCall(() => list.page(onReplay));
  const handMicros = await microsPerCall(handQuery(replay, list.pk));
  replay.destroy();
  const callMicros = 1_000_000 / onEngine.hand;
  return [
    {
      section: '2 Adapter',
      measure: `DynamoConversations.${list.name}, page of ${LIMIT}, dynalite`,
      result: formatRate(onEngine.adapter, 'ops/s'),
      baseline: `${formatRate(onEngine.hand, 'ops/s')} hand-written QueryCommand`,
      ratio: formatRatio(onEngine.ratio),
      target: `≥ ${TARGET.toFixed(2)}`,
      verdict: atLeast(onEngine.ratio, TARGET),
    },
    {
      section: '2 Adapter',
      measure: `${list.name}: the adapter's own CPU per page (engine answer replayed)`,
      result: `+${(adapterMicros - handMicros).toFixed(0)} µs (${adapterMicros.toFixed(0)} vs ${handMicros.toFixed(0)} µs)`,
      baseline: `one dynalite call: ${callMicros.toFixed(0)} µs`,
      ratio: `${formatRatio(callMicros / (callMicros + adapterMicros - handMicros))} implied`,
      target: '—',
      verdict: 'info',
    },
  ];
};

/** 25 groups for one owner, the first with 30 messages, sent through the adapter itself. */
const seed = async (conversations: DynamoConversations) => {
  const owner = aParticipant('owner');
  let mainGroup = '';
  for (let i = 0; i < 25; i++) {
    const other = aParticipant(`peer${i}`);
    const groupUuid = await conversations.openGroup([owner.uuid, other.uuid], randomUUID());
    if (i === 0) mainGroup = groupUuid;
    for (let m = 0; m < (i === 0 ? 30 : 1); m++) {
      const [sender, recipient] = m % 2 === 0 ? [owner, other] : [other, owner];
      const draft = { groupUuid, messageUuid: randomUUID(), sender, recipient, text: chatLine(m) };
      await conversations.append({ ...draft, sentAt: instantAt(i * 100 + m) });
    }
  }
  return { owner: owner.uuid, mainGroup };
};

/** Section 2: what DynamoConversations adds to the one Query a list page needs. */
export const adapterOverheadSection = async (): Promise<SectionResult> => {
  const engine = await startDynalite();
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  try {
    await ensureMessagesTable(client, TABLE);
    progress('adapter: seeding dynalite through the adapter (25 groups, 30 messages)');
    const { owner, mainGroup } = await seed(new DynamoConversations({ client, tableName: TABLE }));
    const rows = [
      ...(await measureList(client, {
        name: 'listInbox',
        pk: inboxPartition(owner),
        page: (conversations) => conversations.listInbox(owner, FIRST_PAGE),
      })),
      ...(await measureList(client, {
        name: 'listMessages',
        pk: messagesPartition(mainGroup),
        page: (conversations) => conversations.listMessages(mainGroup, FIRST_PAGE),
      })),
    ];
    return { rows, notes: [] };
  } finally {
    client.destroy();
    await engine.stop();
  }
};
