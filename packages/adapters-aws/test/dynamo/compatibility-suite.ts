import { randomUUID } from 'node:crypto';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoHarness } from './harness.js';
import { legacyWriter } from './legacy-items.js';

/** The original's timestamp variants and what they read as. */
const VARIANTS = [
  ['2026-03-01T10:00:00+00:00', '2026-03-01T10:00:00.000000+00:00'],
  ['2026-03-01T10:00:01.123456+00:00', '2026-03-01T10:00:01.123456+00:00'],
  ['2026-03-01T10:00:02.5', '2026-03-01T10:00:02.500000+00:00'],
  ['2026-03-01T10:00:03', '2026-03-01T10:00:03.000000+00:00'],
] as const;

/** Data written by either system stays readable by the other (design §6). */
export const runCompatibilitySuite = (name: string, setup: () => Promise<DynamoHarness>): void => {
  describe(`compatibility with the original system: ${name}`, () => {
    let harness: DynamoHarness;
    beforeAll(async () => {
      harness = await setup();
    });

    /** The original's two list queries, verbatim (apart from the year it hard-coded). */
    const originalQuery = async (pk: string) =>
      (
        await harness.client.send(
          new QueryCommand({
            TableName: harness.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
            ExpressionAttributeValues: { ':pk': pk, ':year': '2026' },
            ScanIndexForward: false,
            Limit: 20,
          }),
        )
      ).Items ?? [];

    it('reads messages the original stored, whatever their timestamp format', async () => {
      const [a, b, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
      const legacy = legacyWriter(harness);
      for (const [i, [sk]] of VARIANTS.entries()) {
        await legacy.messageRow(groupUuid, i % 2 ? b : a, `uuid-${i}`, `old ${i}`, sk);
      }
      const page = await harness.conversations.listMessages(groupUuid, { limit: 10, cursor: null });
      expect(page.items.map((m) => [m.text, m.createdAt])).toEqual(
        VARIANTS.map(([, at], i) => [`old ${i}`, at]),
      );
      expect(page.items[1]?.sender).toEqual(b);
    });

    it('reads inbox rows the original stored, whatever their timestamp format', async () => {
      const me = aParticipant();
      const legacy = legacyWriter(harness);
      const others = VARIANTS.map(() => aParticipant());
      for (const [i, [sk]] of VARIANTS.entries()) {
        await legacy.inboxRow(me.uuid, randomUUID(), others[i] ?? me, `last ${i}`, sk);
      }
      const inbox = await harness.conversations.listInbox(me.uuid, { limit: 10, cursor: null });
      expect(inbox.items.map((e) => [e.otherUser, e.lastMessage, e.lastMessageAt])).toEqual(
        VARIANTS.map(([, at], i) => [others[i], `last ${i}`, at]).reverse(),
      );
    });

    it('continues a conversation the original started, replacing its inbox rows', async () => {
      const [a, b, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
      const legacy = legacyWriter(harness);
      await legacy.messageRow(groupUuid, a, randomUUID(), 'from flask', '2026-02-01T08:00:00.000001+00:00');
      await legacy.inboxRow(a.uuid, groupUuid, b, 'from flask', '2026-02-01T08:00:00.000001+00:00');
      await legacy.inboxRow(b.uuid, groupUuid, a, 'from flask', '2026-02-01T08:00:00.000001+00:00');
      expect([...((await harness.conversations.findGroupMembers(groupUuid)) ?? [])].sort()).toEqual(
        [a.uuid, b.uuid].sort(),
      );
      await harness.conversations.append(
        aMessage(groupUuid, b, a, { text: 'from node', sentAt: anInstant(3600 * 24 * 40) }),
      );
      for (const owner of [a, b]) {
        expect(await harness.backdoor.storedInboxRows(owner.uuid)).toEqual([
          { groupUuid, lastMessage: 'from node' },
        ]);
      }
    });

    it("is found by the original's queries, newest first, with the original's attributes", async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
      const first = await harness.conversations.append(
        aMessage(groupUuid, a, b, { text: 'one', sentAt: anInstant(1) }),
      );
      const second = await harness.conversations.append(
        aMessage(groupUuid, b, a, { text: 'two', sentAt: anInstant(2) }),
      );
      // The replaced row is deleted in the background, moments after the send answers.
      await harness.conversations.drain();
      const inbox = await originalQuery(`GRP#${a.uuid}`);
      expect(inbox).toEqual([
        expect.objectContaining({
          message_group_uuid: groupUuid,
          message: 'two',
          user_uuid: b.uuid,
          user_handle: b.handle,
          user_display_name: b.displayName,
        }),
      ]);
      expect(String(inbox[0]?.sk).startsWith(second.createdAt)).toBe(true);
      const messages = await originalQuery(`MSG#${groupUuid}`);
      expect(messages.map((m) => [m.sk, m.message_uuid, m.message, m.user_uuid, m.user_handle])).toEqual([
        [second.createdAt, second.uuid, 'two', b.uuid, b.handle],
        [first.createdAt, first.uuid, 'one', a.uuid, a.handle],
      ]);
    });

    it("keeps its own items out of the original's partitions and out of the group index", async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
      await harness.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(1) }));
      const { Items = [] } = await harness.client.send(new ScanCommand({ TableName: harness.tableName }));
      const extra = Items.filter((item) => !/^(GRP|MSG)#/.test(String(item.pk)));
      expect(extra.length).toBeGreaterThan(0);
      for (const item of extra) {
        expect(String(item.pk)).toMatch(/^(GROUP|PAIR)#/);
        expect(item).not.toHaveProperty('message_group_uuid');
      }
      for (const item of Items.filter((i) => String(i.pk).startsWith('MSG#'))) {
        expect(item).not.toHaveProperty('message_group_uuid');
      }
      const { Items: indexed = [] } = await harness.client.send(
        new QueryCommand({
          TableName: harness.tableName,
          IndexName: 'message-group-sk-index',
          KeyConditionExpression: 'message_group_uuid = :g',
          ExpressionAttributeValues: { ':g': groupUuid },
        }),
      );
      expect(indexed.map((item) => String(item.pk)).sort()).toEqual(
        [`GRP#${a.uuid}`, `GRP#${b.uuid}`].sort(),
      );
    });
  });
};
