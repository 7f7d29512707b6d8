/**
 * The send path on dynalite in a child process (issue 8, item 8): a reply's latency when every
 * DynamoDB call pays 5 ms of network (a delaying proxy), and calls per send and total time
 * with 20, 100 and 300 sends in flight into one group. Also the two costs issue 7 asks for:
 * create-by-handle's check for a pair with no pair item, and the inbox sort-key write.
 *
 *   node --conditions=@cruddur/source --import tsx bench/send-path.ts
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  bulkLoad,
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
  inboxKey,
} from '@cruddur/adapters-aws/dynamo';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { countDynamoCalls, startTcpProxy } from '@cruddur/engines';
import { startExternalDynalite } from './support/external-dynalite.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const DELAY_MS = 5;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Waits for background inbox work where the adapter has any (later versions). */
const settle = async (conversations: DynamoConversations) => {
  const drain = (conversations as unknown as { drain?: () => Promise<void> }).drain;
  if (drain) await drain.call(conversations);
};

const dynalite = await startExternalDynalite();
const proxy = await startTcpProxy(dynalite.port, { delayMs: DELAY_MS });
try {
  const direct = createDynamoDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${dynalite.port}` });
  const delayed = createDynamoDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${proxy.port}` });
  const tableName = `send-path-${randomUUID()}`;
  await ensureMessagesTable(direct, tableName);
  const calls = countDynamoCalls(direct);
  const report: string[] = [];

  // 1. A reply's latency with 5 ms per call, one send at a time.
  {
    const conversations = new DynamoConversations({ client: delayed, tableName });
    const [a, b] = [aParticipant(), aParticipant()];
    const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
    const latencies: number[] = [];
    for (let i = 0; i < 120; i++) {
      const started = performance.now();
      await conversations.append(aMessage(groupUuid, i % 2 ? a : b, i % 2 ? b : a, { sentAt: anInstant(i) }));
      if (i >= 20) latencies.push(performance.now() - started);
    }
    await settle(conversations);
    report.push(`reply, ${DELAY_MS} ms per call: p50 ${ms(quantile(latencies, 0.5))}, p99 ${ms(quantile(latencies, 0.99))} (100 replies)`);
  }

  // 2. Sends in flight into one group: calls per send (background work included) and time.
  for (const inFlight of [20, 100, 300]) {
    const conversations = new DynamoConversations({ client: direct, tableName });
    const [a, b] = [aParticipant(), aParticipant()];
    const groupUuid = await conversations.openGroup([a.uuid, b.uuid], randomUUID());
    calls.reset();
    let errors = 0;
    const kinds = new Map<string, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, (_, i) =>
        conversations
          .append(aMessage(groupUuid, i % 2 ? a : b, i % 2 ? b : a, { sentAt: anInstant(3, i) }))
          .catch((error: Error) => {
            errors += 1;
            const kind = String((error.cause as Error | undefined)?.message ?? error.message).slice(0, 60);
            kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          }),
      ),
    );
    const answered = performance.now() - started;
    await settle(conversations);
    const settled = performance.now() - started;
    report.push(
      `${inFlight} sends in flight: all answered in ${ms(answered)} (settled ${ms(settled)}), ` +
        `${errors} errors${errors ? ` ${JSON.stringify(Object.fromEntries(kinds))}` : ''}, ` +
        `${(calls.total() / inFlight).toFixed(1)} calls per send`,
    );
  }

  // 3. create-by-handle for a pair with no pair item: inboxes of 500 and 3 rows, 5 ms per call.
  {
    const conversations = new DynamoConversations({ client: delayed, tableName });
    const [busy, quiet] = [aParticipant(), aParticipant()];
    await bulkLoad(
      { client: direct, tableName },
      {
        inboxEntries: Array.from({ length: 500 }, (_, i) => ({
          ownerUuid: busy.uuid,
          entry: { groupUuid: randomUUID(), otherUser: aParticipant(), lastMessage: 'x', lastMessageAt: anInstant(i) },
        })),
      },
    );
    const countDelayed = countDynamoCalls(delayed);
    countDelayed.reset();
    const started = performance.now();
    await conversations.findGroupByPair(busy.uuid, quiet.uuid);
    report.push(
      `findGroupByPair, no pair item, inboxes of 500 and 0 rows: ${countDelayed.total()} calls, ${ms(performance.now() - started)}`,
    );
  }

  // 4. The inbox sort-key write: two conditional puts in parallel vs one batch of two puts.
  {
    const timings = { batch: [] as number[], conditional: [] as number[] };
    for (let i = 0; i < 100; i++) {
      const [owner, other, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
      // Only what the write's cost depends on: the key and the group (the full shape is inbox-row.ts's).
      const rows = [owner, other].map((member) => ({ ...inboxKey(member.uuid, anInstant(i)), message_group_uuid: groupUuid }));
      let started = performance.now();
      await delayed.send(new BatchWriteCommand({ RequestItems: { [tableName]: rows.map((Item) => ({ PutRequest: { Item } })) } }));
      timings.batch.push(performance.now() - started);
      started = performance.now();
      await Promise.all(
        rows.map((Item) =>
          delayed.send(
            new PutCommand({
              TableName: tableName,
              Item,
              ConditionExpression: 'attribute_not_exists(pk) OR message_group_uuid = :g',
              ExpressionAttributeValues: { ':g': groupUuid },
            }),
          ),
        ),
      );
      timings.conditional.push(performance.now() - started);
    }
    report.push(
      `inbox rows, ${DELAY_MS} ms per call: batch of 2 puts p50 ${ms(quantile(timings.batch, 0.5))}, ` +
        `2 conditional puts in parallel p50 ${ms(quantile(timings.conditional, 0.5))}`,
    );
  }
  console.log(report.join('\n'));
} finally {
  await proxy.close();
  dynalite.stop();
}
