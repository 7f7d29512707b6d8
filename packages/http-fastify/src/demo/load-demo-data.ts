import {
  type Conversations,
  epochMicrosOf,
  type IdGenerator,
  type Instant,
  instantFromEpochMicros,
  toParticipant,
  type User,
  type UserDirectory,
} from '@cruddur/core';
import { DEMO_CONVERSATIONS, DEMO_USERS } from './demo-script.js';

export interface DemoDeps {
  readonly users: UserDirectory;
  readonly conversations: Conversations;
  readonly ids: IdGenerator;
  readonly now: Instant;
}

/**
 * Creates the demo users (each with a Cognito sub, so the dev issuer can mint tokens for them)
 * and their conversations, spaced a few minutes apart and ending just before `now`.
 * Does nothing when the users already exist, so a restart on persistent engines is safe.
 */
export async function loadDemoData({ users, conversations, ids, now }: DemoDeps): Promise<User[]> {
  const existing = await users.findByHandle(DEMO_USERS[0].handle);
  if (existing) return (await users.listAll()).filter((u) => DEMO_USERS.some((d) => d.handle === u.handle));

  const byHandle = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    byHandle.set(demo.handle, await users.create({ ...demo, cognitoUserId: ids.uuid() }));
  }
  const total = DEMO_CONVERSATIONS.reduce((sum, lines) => sum + lines.length, 0);
  let micros = epochMicrosOf(now) - BigInt(total + 1) * 180_000_000n;
  for (const lines of DEMO_CONVERSATIONS) {
    let groupUuid: string | null = null;
    for (const [handle, text] of lines) {
      const sender = lookUp(byHandle, handle);
      const recipient = lookUp(byHandle, lines.find(([h]) => h !== handle)?.[0] ?? handle);
      groupUuid ??= await conversations.openGroup([sender.uuid, recipient.uuid], ids.uuid());
      micros += 180_000_000n; // three minutes between messages
      await conversations.append({
        groupUuid,
        messageUuid: ids.uuid(),
        sender: toParticipant(sender),
        recipient: toParticipant(recipient),
        text,
        sentAt: instantFromEpochMicros(micros),
      });
    }
  }
  return [...byHandle.values()];
}

function lookUp(byHandle: Map<string, User>, handle: string): User {
  const user = byHandle.get(handle);
  if (!user) throw new Error(`Demo script names an unknown user: ${handle}`);
  return user;
}
