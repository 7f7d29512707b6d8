import {
  checkMessageText,
  type Instant,
  instantFromEpochMicros,
  nextMicrosecond,
  normalizeInstant,
  type Participant,
} from '@cruddur/core';
import { UsageError } from '../errors.js';
import { isUuid } from '../uuid.js';
import type { SeedData, SeedMessage } from './seed-data.js';

export interface PlannedMessage {
  readonly uuid: string;
  readonly sender: Participant;
  readonly recipient: Participant;
  readonly text: string;
  readonly createdAt: Instant;
}

export interface PlannedConversation {
  readonly proposedGroupUuid: string;
  readonly members: readonly [Participant, Participant];
  /** Oldest first, each instant unique within the conversation. */
  readonly messages: readonly PlannedMessage[];
}

const SPACING_MICROS = 180_000_000n; // three minutes between generated times

const refuse = (where: string, problem: string): never => {
  throw new UsageError(`seed: ${where}: ${problem}`);
};

/** Seeds hold the domain's rules too: what the API would refuse, a seed must not store. */
const checkUsers = (data: SeedData): Map<string, Participant> => {
  const byHandle = new Map<string, Participant>();
  const uuids = new Set<string>();
  for (const { uuid, handle, displayName } of data.users) {
    if (!isUuid(uuid)) refuse(`user ${handle}`, `"${uuid}" is not a uuid`);
    if (byHandle.has(handle) || uuids.has(uuid)) refuse(`user ${handle}`, 'handle or uuid listed twice');
    byHandle.set(handle, { uuid, handle, displayName });
    uuids.add(uuid);
  }
  return byHandle;
};

/** Given times: read in any of the original's spellings. None given: generated, ending just before now. */
const timesOf = (data: SeedData, now: Date): Map<SeedMessage, Instant> => {
  const all = data.conversations.flatMap((c) => c.messages);
  const given = all.filter((m) => m.createdAt !== undefined).length;
  if (given !== 0 && given !== all.length) refuse('created_at', 'give it for every message or for none');
  const times = new Map<SeedMessage, Instant>();
  let micros = BigInt(now.getTime()) * 1000n - BigInt(all.length + 1) * SPACING_MICROS;
  for (const message of all) {
    micros += SPACING_MICROS;
    const raw = message.createdAt;
    const instant = raw === undefined ? instantFromEpochMicros(micros) : normalizeInstant(raw);
    times.set(message, instant ?? refuse(`message "${message.text.slice(0, 40)}"`, `"${raw}" is not a time`));
  }
  return times;
};

export const planConversations = (
  data: SeedData,
  now: Date,
  newUuid: () => string,
): PlannedConversation[] => {
  const users = checkUsers(data);
  const times = timesOf(data, now);
  return data.conversations.map((conversation, i) => {
    const where = `conversation ${i + 1} (${conversation.members.join(', ')})`;
    const [a, b] = conversation.members.map(
      (h) => users.get(h) ?? refuse(where, `no user has the handle "${h}"`),
    );
    if (a === undefined || b === undefined || a.uuid === b.uuid)
      return refuse(where, 'needs two different members');
    const groupUuid = conversation.groupUuid ?? newUuid();
    if (!isUuid(groupUuid)) refuse(where, `"${groupUuid}" is not a uuid`);
    if (conversation.messages.length === 0) refuse(where, 'has no messages');
    const ordered = conversation.messages
      .map((m) => ({ m, at: times.get(m) ?? refuse(where, 'message without a time') }))
      // Fixed-width instants: string order is time order. The sort is stable for equal times.
      .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    let previous: Instant | null = null;
    const messages = ordered.map(({ m, at }): PlannedMessage => {
      const sender =
        m.from === a.handle ? a : m.from === b.handle ? b : refuse(where, `"${m.from}" is not a member`);
      const { text, problem } = checkMessageText(m.text);
      if (problem !== null) refuse(where, `message "${m.text.slice(0, 40)}": ${problem}`);
      if (m.uuid !== undefined && !isUuid(m.uuid)) refuse(where, `message uuid "${m.uuid}" is not a uuid`);
      // Equal times move a microsecond later, as the adapter does when two sends collide.
      const createdAt: Instant = previous !== null && at <= previous ? nextMicrosecond(previous) : at;
      previous = createdAt;
      return { uuid: m.uuid ?? newUuid(), sender, recipient: sender === a ? b : a, text, createdAt };
    });
    return { proposedGroupUuid: groupUuid, members: [a, b], messages };
  });
};
