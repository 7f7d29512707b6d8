import { epochMicrosOf, type Instant, instantFromEpochMicros } from '../domain/instant.js';
import { toParticipant, type User } from '../domain/user.js';
import type { Conversations } from '../ports/conversations.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { DEMO_CONVERSATIONS, DEMO_PEOPLE } from './demo-script.js';

export interface DemoDeps {
  readonly users: UserDirectory;
  readonly conversations: Conversations;
  readonly ids: IdGenerator;
  readonly now: Instant;
}

const SPACING_MICROS = 180_000_000n; // three minutes between messages

/**
 * Creates the demo people through the ports (each with a Cognito sub, so a dev issuer can mint
 * tokens for them) and their conversations, spaced a few minutes apart and ending just before
 * `now`. Does nothing when they already exist, so a restart on persistent engines is safe.
 */
export async function loadDemoData({ users, conversations, ids, now }: DemoDeps): Promise<User[]> {
  const isDemo = (user: User) => DEMO_PEOPLE.some((person) => person.handle === user.handle);
  const [first] = DEMO_PEOPLE;
  if (first === undefined || (await users.findByHandle(first.handle)) !== null) {
    return (await users.listAll()).filter(isDemo);
  }
  const byHandle = new Map<string, User>();
  for (const { handle, displayName, email } of DEMO_PEOPLE) {
    byHandle.set(handle, await users.create({ handle, displayName, email, cognitoUserId: ids.uuid() }));
  }
  const lookUp = (handle: string): User => {
    const user = byHandle.get(handle);
    if (user === undefined) throw new Error(`the demo script names an unknown person: ${handle}`);
    return user;
  };
  const total = DEMO_CONVERSATIONS.reduce((sum, c) => sum + c.messages.length, 0);
  let micros = epochMicrosOf(now) - BigInt(total + 1) * SPACING_MICROS;
  for (const { groupUuid: proposed, members, messages } of DEMO_CONVERSATIONS) {
    const [a, b] = members.map(lookUp) as [User, User];
    const groupUuid = await conversations.openGroup([a.uuid, b.uuid], proposed);
    for (const { from, text } of messages) {
      const sender = from === a.handle ? a : b;
      micros += SPACING_MICROS;
      await conversations.append({
        groupUuid,
        messageUuid: ids.uuid(),
        sender: toParticipant(sender),
        recipient: toParticipant(sender === a ? b : a),
        text,
        sentAt: instantFromEpochMicros(micros),
      });
    }
  }
  return [...byHandle.values()];
}
