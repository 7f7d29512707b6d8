import createClient from 'openapi-fetch';
import { nextCursor } from '../lib/link-header';
import { ApiError, OFFLINE } from './errors';
import type { operations, paths } from './schema';
import { freshToken, setSession } from './session';

type Ok<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: infer C } }
  ? C extends { 'application/json': infer J }
    ? J
    : never
  : never;

/** Types straight from the host's OpenAPI document (generated into `schema.d.ts`). */
export type InboxEntry = Ok<'listMessageGroups'>[number];
export type Message = Ok<'listMessages'>[number];
export type CreatedMessage = Ok<'createMessage'>;
export type UserCard = Ok<'usersShort'>;
export type DemoUser = paths['/dev/users']['get']['responses'][200]['content']['application/json'][number];
export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

const client = createClient<paths>({ baseUrl: location.origin });
client.use({
  async onRequest({ request }) {
    const token = await freshToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
});

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** Every call goes through here: a network failure, a 401 or an error body become an `ApiError`. */
async function call<T>(send: () => Promise<Answer<T>>): Promise<{ data: T; response: Response }> {
  let answer: Answer<T>;
  try {
    answer = await send();
  } catch {
    throw OFFLINE;
  }
  const { data, error, response } = answer;
  if (response.ok && data !== undefined) return { data, response };
  const body = (error ?? {}) as { code?: string; message?: string };
  if (response.status === 401) setSession(null);
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  throw new ApiError(response.status, body.code ?? 'error', body.message ?? response.statusText, retryAfter);
}

export async function listInbox(cursor?: string): Promise<Page<InboxEntry>> {
  const query = cursor ? { cursor } : {};
  const { data, response } = await call(() => client.GET('/api/message_groups', { params: { query } }));
  return { items: data, next: nextCursor(response.headers.get('link')) };
}

export async function listMessages(groupUuid: string, cursor?: string): Promise<Page<Message>> {
  const { data, response } = await call(() =>
    client.GET('/api/messages/{message_group_uuid}', {
      params: { path: { message_group_uuid: groupUuid }, query: cursor ? { cursor } : {} },
    }),
  );
  return { items: data, next: nextCursor(response.headers.get('link')) };
}

export type SendTarget = { readonly handle: string } | { readonly message_group_uuid: string };

/** The key travels with every retry of one message, so the host can store it once. */
export async function sendMessage(target: SendTarget, message: string, idempotencyKey: string) {
  const { data } = await call(() =>
    client.POST('/api/messages', {
      body: { ...target, message },
      headers: { 'idempotency-key': idempotencyKey },
    }),
  );
  return data;
}

export async function userCard(handle: string): Promise<UserCard> {
  const { data } = await call(() =>
    client.GET('/api/users/@{handle}/short', { params: { path: { handle } } }),
  );
  return data;
}

/** Embedded and memory mode only: the demo users to pick from (null when the host has none). */
export async function demoUsers(): Promise<DemoUser[] | null> {
  try {
    const { data, response } = await client.GET('/dev/users');
    return response.ok && data ? data : null;
  } catch {
    throw OFFLINE;
  }
}
