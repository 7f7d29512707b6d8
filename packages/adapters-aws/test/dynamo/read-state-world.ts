import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Clock,
  CreateMessage,
  instantFromEpochMicros,
  ListMessageGroups,
  MarkRead,
  RandomIdGenerator,
  SystemClock,
  type User,
  type UserDirectory,
} from '@cruddur/core';
import { countDynamoCalls, pgMemPool } from '@cruddur/engines';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  DynamoReadMarkers,
  DynamoSendReceipts,
} from '../../src/dynamo/index.js';
import { migrate, PgUserDirectory } from '../../src/postgres/index.js';
import { crashes } from './client-hooks.js';
import { dynamoHarness } from './harness.js';

const sub = (user: User) => user.cognitoUserId ?? '';

/** The wall clock, `aheadMs` ahead: how the inbox sees its entries some time later. */
const laterClock = (): Clock & { aheadMs: number } => ({
  aheadMs: 0,
  now() {
    return instantFromEpochMicros(BigInt(Math.floor((Date.now() + this.aheadMs) * 1000)));
  },
});

/** The read-state use cases as one host wires them, over its own DynamoDB client. */
const hostOn = (client: DynamoDBDocumentClient, tableName: string, users: UserDirectory) => {
  const inboxClock = laterClock();
  const conversations = new DynamoConversations({ client, tableName });
  const readMarkers = new DynamoReadMarkers({ client, tableName });
  const receipts = new DynamoSendReceipts({ client, tableName });
  const deps = { users, conversations, readMarkers, receipts, clock: new SystemClock(), ids: new RandomIdGenerator() };
  const createMessage = new CreateMessage(deps);
  const listMessageGroups = new ListMessageGroups({ ...deps, clock: inboxClock });
  return {
    /** Moves the inbox's clock: its entries look that much older (past the settle window). */
    inboxClock,
    markRead: new MarkRead(deps),
    /** Waits for the send path's background work (inbox sweeps, retries). */
    drain: () => conversations.drain(),
    start: (from: User, to: User, message = 'hi') =>
      createMessage.execute({ mode: 'create', callerSub: sub(from), handle: to.handle, message }),
    reply: (from: User, groupUuid: string, message = 'reply', idempotencyKey?: string) =>
      createMessage.execute({ mode: 'update', callerSub: sub(from), groupUuid, message, idempotencyKey }),
    /** [unread, last_read_at] of each inbox entry, latest activity first. */
    inbox: async (owner: User) =>
      (await listMessageGroups.execute({ callerSub: sub(owner) })).items.map((e) => [e.unreadCount, e.lastReadAt]),
  };
};

/**
 * The read-state use cases on DynamoDB (dynalite or DynamoDB Local) with users on pg-mem, every
 * DynamoDB call counted; `crashingHost()` is a second host on the same table that can be killed.
 */
export const readStateWorld = async (endpoint: string) => {
  let calls: ReturnType<typeof countDynamoCalls> | undefined;
  const { client, tableName } = await dynamoHarness(endpoint, {
    prepare: (own) => {
      calls = countDynamoCalls(own);
    },
  });
  const pool = pgMemPool();
  await migrate(pool);
  const users = new PgUserDirectory(pool);
  let n = 0;
  return {
    ...hostOn(client, tableName, users),
    calls: calls as ReturnType<typeof countDynamoCalls>,
    sub,
    crashingHost: () => {
      const own = createDynamoDocumentClient({ region: 'local', endpoint, requestTimeoutMs: 20_000 });
      return { ...hostOn(own, tableName, users), crash: crashes(own) };
    },
    aUser: () => {
      n += 1;
      const handle = `u${n}${Date.now().toString(36)}`;
      return users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });
    },
  };
};
