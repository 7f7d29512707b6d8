import { randomUUID } from 'node:crypto';
import { instantFromEpochMicros, type Instant } from '../domain/instant.js';
import type { NewUser, Participant } from '../domain/user.js';
import type { NewMessage } from '../ports/conversations.js';

let sequence = 0;
const unique = (): string => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export const aParticipant = (overrides: Partial<Participant> = {}): Participant => {
  const handle = overrides.handle ?? `user${unique()}`;
  return { uuid: randomUUID(), handle, displayName: `User ${handle}`, ...overrides };
};

export const aNewUser = (overrides: Partial<NewUser> = {}): NewUser => {
  const handle = overrides.handle ?? `user${unique()}`;
  return { handle, displayName: `User ${handle}`, email: `${handle}@example.test`, ...overrides };
};

/** `2026-01-01T00:00:00.000000+00:00` plus the given seconds: readable, ordered test times. */
export const anInstant = (secondsAfter = 0, extraMicros = 0): Instant =>
  instantFromEpochMicros(
    BigInt(Date.UTC(2026, 0, 1)) * 1000n + BigInt(secondsAfter) * 1_000_000n + BigInt(extraMicros),
  );

export const aMessage = (
  groupUuid: string,
  sender: Participant,
  recipient: Participant,
  overrides: Partial<NewMessage> = {},
): NewMessage => ({
  groupUuid,
  messageUuid: randomUUID(),
  sender,
  recipient,
  text: `hello ${unique()}`,
  sentAt: anInstant(),
  ...overrides,
});
