import type { User } from '@cruddur/core';
import type { FastifyInstance } from 'fastify';
import { chatLine } from './fixtures.js';
import type { MeteredHost } from './metered-host.js';

/** DynamoDB calls of one request, e.g. `{ calls: 2, byOperation: { GetItem: 1, Query: 1 } }`. */
export interface DynamoTally {
  readonly calls: number;
  readonly byOperation: Readonly<Record<string, number>>;
}

const tallyOf = (counter: MeteredHost['dynamo']): DynamoTally => ({
  calls: counter.total(),
  byOperation: Object.fromEntries(
    Object.entries(counter.byCommand()).map(([name, n]) => [name.replace(/Command$/, ''), n]),
  ),
});

/** What one HTTP request cost in round trips. */
export interface RequestCost {
  readonly request: string;
  readonly kind: 'list' | 'send' | 'lookup' | 'read';
  /** `steady`: caches warm, as most requests in a running host find them. */
  readonly state: 'steady' | 'cold' | 'first message';
  readonly dynamo: DynamoTally;
  readonly pgQueries: number;
}

interface Call {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly as: User;
  readonly payload?: Record<string, string>;
}

/**
 * A short conversation between two users on a fresh host, each request metered alone:
 * the first list (empty caches), a first message to a new pair, replies, and steady reads.
 * Requests the table does not show are warm-ups that put the host in the state named.
 */
export const runRequestScenario = async (host: MeteredHost): Promise<RequestCost[]> => {
  const [alice, bob] = [await host.aUser('alice'), await host.aUser('bob')];
  const costs: RequestCost[] = [];
  const send = async (app: FastifyInstance, call: Call) => {
    const response = await app.inject({
      method: call.method,
      url: call.url,
      headers: { authorization: `Bearer ${host.tokenFor(call.as)}` },
      ...(call.payload === undefined ? {} : { payload: call.payload }),
    });
    if (response.statusCode !== 200) {
      throw new Error(`${call.method} ${call.url} answered ${response.statusCode}: ${response.body}`);
    }
    return response.json<unknown>();
  };
  const metered = async (state: RequestCost['state'], request: string, call: Call, app = host.first.app) => {
    host.dynamo.reset();
    host.pg.queries = 0;
    const body = await send(app, call);
    costs.push({
      request,
      kind: kindOf(call),
      state,
      dynamo: tallyOf(host.dynamo),
      pgQueries: host.pg.queries,
    });
    return body;
  };
  const warm = (call: Call, app = host.first.app) => send(app, call);

  const inbox: Call = { method: 'GET', url: '/api/message_groups', as: alice };
  await metered('cold', 'GET /api/message_groups', inbox);
  await warm({ method: 'GET', url: '/api/users/@bob/short', as: alice });
  const toBob: Call = {
    method: 'POST',
    url: '/api/messages',
    as: alice,
    payload: { message: chatLine(1), handle: 'bob' },
  };
  const created = await metered('first message', 'POST /api/messages (create: new pair)', toBob);
  const groupUuid = groupOf(created);
  const reply = (as: User, index: number): Call => ({
    method: 'POST',
    url: '/api/messages',
    as,
    payload: { message: chatLine(index), message_group_uuid: groupUuid },
  });
  await warm(reply(bob, 2));
  await metered('steady', 'POST /api/messages (update)', reply(alice, 3));
  await metered('steady', 'POST /api/messages (create: existing pair)', {
    ...toBob,
    payload: { message: chatLine(4), handle: 'bob' },
  });
  await metered('steady', 'GET /api/message_groups', inbox);
  // The last send's background sweep (100 ms after it) must not be counted as the read's.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await metered('steady', 'POST /api/message_groups/:uuid/read', {
    method: 'POST',
    url: `/api/message_groups/${groupUuid}/read`,
    as: bob,
    payload: {},
  });
  const messages: Call = { method: 'GET', url: `/api/messages/${groupUuid}`, as: alice };
  await metered('steady', 'GET /api/messages/:uuid', messages);
  await metered('steady', 'GET /api/users/@:handle/short', {
    method: 'GET',
    url: '/api/users/@bob/short',
    as: alice,
  });
  // Another host instance knows the caller (after one list) but not yet the group's members.
  const other = await host.anotherInstance();
  await warm(inbox, other.app);
  await metered('cold', 'GET /api/messages/:uuid (group not in this instance’s cache)', messages, other.app);
  return costs;
};

const kindOf = ({ method, url }: Call): RequestCost['kind'] =>
  method === 'POST'
    ? url.endsWith('/read')
      ? 'read'
      : 'send'
    : url.startsWith('/api/users/')
      ? 'lookup'
      : 'list';

const groupOf = (body: unknown): string => {
  const groupUuid: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'message_group_uuid') : null;
  if (typeof groupUuid !== 'string')
    throw new Error(`POST /api/messages returned no group: ${JSON.stringify(body)}`);
  return groupUuid;
};
