import { CreateMessage, ListMessageGroups, MarkRead, RandomIdGenerator, SystemClock, type User } from '@cruddur/core';
import { countDynamoCalls, pgMemPool } from '@cruddur/engines';
import { DynamoReadMarkers, DynamoSendReceipts } from '../../src/dynamo/index.js';
import { migrate, PgUserDirectory } from '../../src/postgres/index.js';
import { crashes } from './client-hooks.js';
import { dynamoHarness } from './harness.js';

/**
 * The read-state use cases on DynamoDB (dynalite or DynamoDB Local) and users on pg-mem, as
 * the host wires them, with every DynamoDB call counted and crashes injectable.
 */
export const readStateWorld = async (endpoint: string) => {
  let counter: ReturnType<typeof countDynamoCalls> | undefined;
  let crash: ReturnType<typeof crashes> | undefined;
  const harness = await dynamoHarness(endpoint, {
    prepare: (client) => {
      counter = countDynamoCalls(client);
      crash = crashes(client);
    },
  });
  const pool = pgMemPool();
  await migrate(pool);
  const users = new PgUserDirectory(pool);
  const { client, tableName, conversations } = harness;
  const readMarkers = new DynamoReadMarkers({ client, tableName });
  const receipts = new DynamoSendReceipts({ client, tableName });
  const deps = { users, conversations, readMarkers, receipts, clock: new SystemClock(), ids: new RandomIdGenerator() };
  const createMessage = new CreateMessage(deps);
  const listMessageGroups = new ListMessageGroups(deps);
  const markRead = new MarkRead(deps);
  const sub = (user: User) => user.cognitoUserId ?? '';
  let n = 0;
  return {
    calls: counter as ReturnType<typeof countDynamoCalls>,
    crash: crash as ReturnType<typeof crashes>,
    createMessage,
    markRead,
    aUser: () => {
      n += 1;
      const handle = `u${n}${Date.now().toString(36)}`;
      return users.create({ handle, displayName: handle, email: `${handle}@example.test`, cognitoUserId: `sub-${handle}` });
    },
    start: (from: User, to: User, message = 'hi') =>
      createMessage.execute({ mode: 'create', callerSub: sub(from), handle: to.handle, message }),
    reply: (from: User, groupUuid: string, message = 'reply', idempotencyKey?: string) =>
      createMessage.execute({ mode: 'update', callerSub: sub(from), groupUuid, message, idempotencyKey }),
    /** [unread, last_read_at] of each inbox entry, latest activity first. */
    inbox: async (owner: User) =>
      (await listMessageGroups.execute({ callerSub: sub(owner) })).items.map((e) => [e.unreadCount, e.lastReadAt]),
    sub,
  };
};
