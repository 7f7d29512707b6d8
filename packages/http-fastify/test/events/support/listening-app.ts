import type { User } from '@cruddur/core';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../http/support/test-app.js';
import { type EventStreamClient, openEventStream } from '@cruddur/engines';

export interface ListeningApp extends TestApp {
  readonly url: string;
  /** `GET /api/events` as `user` (bearer header), with extra headers or query. */
  stream(user: User, options?: { headers?: Record<string, string>; query?: string }): Promise<EventStreamClient>;
  /** Sends through `POST /api/messages` and returns the JSON answer. */
  send(from: User, to: User, message?: string): Promise<Record<string, unknown>>;
}

/** The test app listening on a free port, so streams run over real sockets. */
export async function listeningApp(options: TestAppOptions = {}): Promise<ListeningApp> {
  const t = await buildTestApp(options);
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  let count = 0;
  return {
    ...t,
    url,
    stream: (user, { headers = {}, query = '' } = {}) =>
      openEventStream(`${url}/api/events${query}`, { authorization: `Bearer ${t.tokenFor(user)}`, ...headers }),
    send: async (from, to, message = `message ${++count}`) => {
      const response = await t.post('/api/messages', { as: from, payload: { handle: to.handle, message } });
      if (response.statusCode !== 200) throw new Error(`send failed: ${response.statusCode} ${response.body}`);
      return response.json();
    },
  };
}
