import type { BulkLoad, BulkLoadOptions } from '@cruddur/adapters-aws/dynamo';
import type { Conversations, Participant } from '@cruddur/core';
import type { PlannedConversation, PlannedMessage } from '../seed/seed-plan.js';

export interface SeedOutcome {
  readonly groupUuid: string;
  readonly members: readonly [Participant, Participant];
  readonly messages: number;
  readonly status: 'seeded' | 'skipped';
}

export interface SeedTarget {
  readonly conversations: Conversations;
  /** `bulkLoad` of the dynamo module, bound to the same table. */
  readonly bulkLoad: (load: BulkLoad, options: BulkLoadOptions) => Promise<void>;
}

export interface SeedOptions {
  /** Messages written so far, of all the messages being seeded. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Seeds conversations so the table ends exactly as if every message had been sent through
 * the adapter, with far fewer calls:
 * 1. `openGroup` per conversation (pair lock + membership, as the API does);
 * 2. every message but the last as plain message rows, through the adapter's bulk loader;
 * 3. the last message through `append`, which writes it conditionally, moves the group's
 *    marker and writes both inbox rows. Inbox rows of older messages would have been
 *    replaced by then anyway.
 * A pair that already has messages is skipped: re-running never duplicates a conversation,
 * and the unconditional batch puts can never land on a message someone really sent.
 */
export const seedConversations = async (
  { conversations, bulkLoad }: SeedTarget,
  plan: readonly PlannedConversation[],
  { onProgress }: SeedOptions = {},
): Promise<SeedOutcome[]> => {
  const outcomes: SeedOutcome[] = [];
  const toSeed: Array<{ groupUuid: string; messages: readonly PlannedMessage[] }> = [];
  for (const { members, proposedGroupUuid, messages } of plan) {
    const [a, b] = members;
    const existing = await conversations.findGroupByPair(a.uuid, b.uuid);
    if (
      existing !== null &&
      (await conversations.listMessages(existing, { limit: 1, cursor: null })).items.length > 0
    ) {
      outcomes.push({ groupUuid: existing, members, messages: 0, status: 'skipped' });
      continue;
    }
    const groupUuid = await conversations.openGroup([a.uuid, b.uuid], proposedGroupUuid);
    toSeed.push({ groupUuid, messages });
    outcomes.push({ groupUuid, members, messages: messages.length, status: 'seeded' });
  }
  const history = toSeed.flatMap(({ groupUuid, messages }) =>
    messages
      .slice(0, -1)
      .map(({ uuid, sender, text, createdAt }) => ({ uuid, groupUuid, sender, text, createdAt })),
  );
  const total = history.length + toSeed.length;
  await bulkLoad({ messages: history }, { onProgress: (done) => onProgress?.(done, total) });
  for (const [i, { groupUuid, messages }] of toSeed.entries()) {
    const last = messages.at(-1);
    if (last === undefined) continue;
    await conversations.append({
      groupUuid,
      messageUuid: last.uuid,
      sender: last.sender,
      recipient: last.recipient,
      text: last.text,
      sentAt: last.createdAt,
    });
    onProgress?.(history.length + i + 1, total);
  }
  return outcomes;
};
