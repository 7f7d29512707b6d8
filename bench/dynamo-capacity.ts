/**
 * DynamoDB capacity units per operation of the DynamoDB adapter, measured on DynamoDB Local
 * (dynalite ignores index costs). Every call is sent with `ReturnConsumedCapacity: 'INDEXES'`,
 * whose `CapacityUnits` is the same total 'TOTAL' reports, plus the table / index split.
 *
 *   node --conditions=@cruddur/source --import tsx bench/dynamo-capacity.ts
 */
import { randomUUID } from 'node:crypto';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  ensureMessagesTable,
} from '@cruddur/adapters-aws/dynamo';
import { startDynamoDbLocal } from '@cruddur/engines';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';

interface Tally {
  calls: number;
  total: number;
  table: number;
  index: number;
}
const tally: Tally = { calls: 0, total: 0, table: 0, index: 0 };

// The bench's run.ts silences the SDK's Node-version notice; so does a run of this script alone.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const engine = await startDynamoDbLocal();
try {
  const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const tableName = `capacity-${randomUUID()}`;
  await ensureMessagesTable(client, tableName);
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'INDEXES';
      // Counted before the call: a failed conditional write throws, but it still costs a call
      // (and one write unit per KB of the item, which the error does not report).
      tally.calls += 1;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat()) {
        tally.total += c.CapacityUnits ?? 0;
        tally.table += c.Table?.CapacityUnits ?? 0;
        for (const index of Object.values(c.GlobalSecondaryIndexes ?? {})) tally.index += index.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize' },
  );
  const conversations = new DynamoConversations({ client, tableName });
  const adapters = [conversations];
  const rows: string[][] = [];
  const measure = async (label: string, operation: () => Promise<unknown>) => {
    for (const adapter of adapters) await adapter.drain();
    Object.assign(tally, { calls: 0, total: 0, table: 0, index: 0 });
    await operation();
    // A send's sweep runs in the background: count it with the send that scheduled it.
    for (const adapter of adapters) await adapter.drain();
    rows.push([label, String(tally.calls), tally.total.toFixed(1), tally.table.toFixed(1), tally.index.toFixed(1)]);
  };

  const [me, you] = [aParticipant(), aParticipant()];
  let groupUuid = '';
  await measure('openGroup (new pair)', async () => {
    groupUuid = await conversations.openGroup([me.uuid, you.uuid], randomUUID());
  });
  await measure('send: first message of a group', () =>
    conversations.append(aMessage(groupUuid, me, you, { text: 'hello there', sentAt: anInstant(0) })),
  );
  for (let i = 1; i <= 60; i++) {
    await conversations.append(aMessage(groupUuid, i % 2 ? you : me, i % 2 ? me : you, { sentAt: anInstant(i) }));
  }
  await measure('send: reply, 40-character text', () =>
    conversations.append(aMessage(groupUuid, you, me, { text: 'x'.repeat(40), sentAt: anInstant(100) })),
  );
  await measure('send: reply in the same microsecond (1 collision)', () =>
    conversations.append(aMessage(groupUuid, me, you, { text: 'y'.repeat(40), sentAt: anInstant(100) })),
  );
  await measure('send: reply, 1024 ASCII characters', () =>
    conversations.append(aMessage(groupUuid, me, you, { text: 'x'.repeat(1024), sentAt: anInstant(101) })),
  );
  await measure('send: reply, 1024 emoji (4 KiB of UTF-8)', () =>
    conversations.append(aMessage(groupUuid, you, me, { text: '👋'.repeat(1024), sentAt: anInstant(102) })),
  );
  for (let i = 0; i < 40; i++) {
    const other = aParticipant();
    const g = await conversations.openGroup([me.uuid, other.uuid], randomUUID());
    await conversations.append(aMessage(g, other, me, { sentAt: anInstant(200 + i) }));
  }
  await measure('listInbox: page of 20 (41 groups)', () => conversations.listInbox(me.uuid, { limit: 20, cursor: null }));
  await measure('listMessages: page of 20 (64 messages)', () =>
    conversations.listMessages(groupUuid, { limit: 20, cursor: null }),
  );
  const cold = new DynamoConversations({ client, tableName });
  adapters.push(cold);
  await measure('findGroupMembers: cold cache', () => cold.findGroupMembers(groupUuid));
  await measure('findGroupMembers: warm cache', () => cold.findGroupMembers(groupUuid));

  const header = ['operation', 'calls', 'capacity units', 'table', 'group index'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
} finally {
  await engine.stop();
}
