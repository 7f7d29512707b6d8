import type { User } from '@cruddur/core';
import type { TestApp } from './test-app.js';

export interface SentMessage {
  readonly message_group_uuid: string;
  readonly uuid: string;
  readonly display_name: string;
  readonly handle: string;
  readonly message: string;
  readonly created_at: string;
}

/** Sends through the HTTP API (create mode when `to` is a user, update mode for a group uuid). */
export async function send(
  testApp: TestApp,
  from: User,
  to: User | string,
  message: string,
): Promise<SentMessage> {
  const target = typeof to === 'string' ? { message_group_uuid: to } : { handle: to.handle };
  const response = await testApp.post('/api/messages', { as: from, payload: { message, ...target } });
  if (response.statusCode !== 200) throw new Error(`send failed: ${response.statusCode} ${response.body}`);
  return response.json<SentMessage>();
}
