import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { aMessage, anInstant, aParticipant } from '@cruddur/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoConversations, pairKey, repair } from '../../src/dynamo/index.js';
import type { DynamoHarness } from './harness.js';
import { legacyWriter } from './legacy-items.js';

/** What the original frontend's `DateTime.fromISO` accepts of the `created_at` it is given. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;
const parsesAsIso = (sk: unknown) =>
  typeof sk === 'string' && ISO_8601.test(sk) && !Number.isNaN(Date.parse(sk));

/**
 * The original system and this adapter on one table, with items exactly as the original writes
 * them (issue 7): every row keeps a `created_at` its frontend parses, `repair` adopts its groups
 * without touching what it reads, and a pair never gets a second conversation.
 */
export const runOriginalGroupsSuite = (name: string, setup: () => Promise<DynamoHarness>): void => {
  describe(`groups the original created: ${name}`, () => {
    let harness: DynamoHarness;
    beforeAll(async () => {
      harness = await setup();
    });

    /** The original's `list_message_groups` query, verbatim (year aside); it returns `sk` as `created_at`. */
    const originalInbox = async (h: DynamoHarness, owner: string) =>
      (
        await h.client.send(
          new QueryCommand({
            TableName: h.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
            ExpressionAttributeValues: { ':pk': `GRP#${owner}`, ':year': '2026' },
            ScanIndexForward: false,
            Limit: 20,
          }),
        )
      ).Items ?? [];

    /** A conversation as the Flask app leaves it: message rows and two inbox rows, no GROUP#/PAIR#. */
    const originalConversation = async (h: DynamoHarness, sk = '2026-02-01T08:00:00+00:00') => {
      const [a, b, groupUuid] = [aParticipant(), aParticipant(), randomUUID()];
      const legacy = legacyWriter(h);
      await legacy.messageRow(groupUuid, a, randomUUID(), 'hello', '2026-02-01T07:00:00.5');
      await legacy.messageRow(groupUuid, b, randomUUID(), 'from flask', sk);
      await legacy.inboxRow(a.uuid, groupUuid, b, 'from flask', sk);
      await legacy.inboxRow(b.uuid, groupUuid, a, 'from flask', sk);
      return { a, b, groupUuid };
    };

    /** A second process: nothing cached, so every lookup reaches the table. */
    const freshAdapter = (h: DynamoHarness) =>
      new DynamoConversations({ client: h.client, tableName: h.tableName });

    const everyItem = async (h: DynamoHarness) => {
      const { Items = [] } = await h.client.send(new ScanCommand({ TableName: h.tableName }));
      return Items.sort((x, y) => `${x.pk}|${x.sk}`.localeCompare(`${y.pk}|${y.sk}`));
    };
    const originalsItems = async (h: DynamoHarness) =>
      (await everyItem(h)).filter((item) => /^(GRP|MSG)#/.test(String(item.pk)));

    it('gives every inbox row a parseable created_at after our sends and after repair', async () => {
      const original = await originalConversation(harness, '2026-02-01T08:00:00');
      const me = aParticipant();
      // Two of my groups whose last messages share an instant: the second row moves a microsecond.
      for (const other of [aParticipant(), aParticipant()]) {
        const g = await harness.conversations.openGroup([me.uuid, other.uuid], randomUUID());
        await harness.conversations.append(aMessage(g, other, me, { sentAt: anInstant(3600 * 24 * 40) }));
      }
      await harness.conversations.append(
        aMessage(original.groupUuid, original.a, original.b, { sentAt: anInstant(3600 * 24 * 45) }),
      );
      const owners = [me.uuid, original.a.uuid, original.b.uuid];
      const check = async () => {
        for (const owner of owners) {
          const rows = await originalInbox(harness, owner);
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(row.sk, `created_at of ${owner}`).toSatisfy(parsesAsIso);
        }
        expect(new Set((await originalInbox(harness, me.uuid)).map((row) => row.sk)).size).toBe(2);
      };
      await check();
      await repair(harness.client, harness.tableName);
      await check();
    });

    it('leaves an untouched original table exactly as the original reads it', async () => {
      const own = await setup();
      await originalConversation(own);
      await originalConversation(own, '2026-03-01T10:00:01.123456+00:00');
      const before = await originalsItems(own);
      expect(await repair(own.client, own.tableName)).toMatchObject({
        groupsChecked: 2,
        groupsAdopted: 2,
        inboxesRewritten: 0,
        staleRowsDeleted: 0,
      });
      expect(await originalsItems(own)).toEqual(before);
    });

    it('reuses the original group for the pair before any repair', async () => {
      const { a, b, groupUuid } = await originalConversation(harness);
      expect(await freshAdapter(harness).findGroupByPair(b.uuid, a.uuid)).toBe(groupUuid);
      // Found once, the pair is registered: the next process reads it in one call.
      expect(
        await harness.client.send(
          new GetCommand({ TableName: harness.tableName, Key: pairKey(a.uuid, b.uuid) }),
        ),
      ).toMatchObject({ Item: { group_uuid: groupUuid } });
    });

    it('reuses the original group after a send into it, and after repair', async () => {
      const { a, b, groupUuid } = await originalConversation(harness);
      await harness.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(3600 * 24 * 50) }));
      expect(await freshAdapter(harness).findGroupByPair(a.uuid, b.uuid)).toBe(groupUuid);
      const other = await originalConversation(harness);
      await freshAdapter(harness).append(
        aMessage(other.groupUuid, other.b, other.a, { sentAt: anInstant(3600 * 24 * 50) }),
      );
      // The send gave the group a GROUP# item; repair still registers its pair.
      expect(await repair(harness.client, harness.tableName)).toMatchObject({
        groupsAdopted: expect.any(Number),
      });
      const pair = await harness.client.send(
        new GetCommand({ TableName: harness.tableName, Key: pairKey(other.a.uuid, other.b.uuid) }),
      );
      expect(pair.Item?.group_uuid).toBe(other.groupUuid);
      expect(await freshAdapter(harness).findGroupByPair(other.b.uuid, other.a.uuid)).toBe(other.groupUuid);
    });

    it('finds nothing for a pair that never talked, whatever their inboxes hold', async () => {
      const { a } = await originalConversation(harness);
      const { b } = await originalConversation(harness);
      expect(await freshAdapter(harness).findGroupByPair(a.uuid, b.uuid)).toBeNull();
    });

    it('rewrites rows earlier versions keyed <instant>#<group> into the bare instant', async () => {
      const [a, b] = [aParticipant(), aParticipant()];
      const groupUuid = await harness.conversations.openGroup([a.uuid, b.uuid], randomUUID());
      const sent = await harness.conversations.append(aMessage(groupUuid, a, b, { sentAt: anInstant(77) }));
      for (const owner of [a, b]) {
        const [row] = await originalInbox(harness, owner.uuid);
        if (row === undefined) throw new Error('no inbox row');
        await harness.client.send(
          new DeleteCommand({ TableName: harness.tableName, Key: { pk: row.pk, sk: row.sk } }),
        );
        await harness.client.send(
          new PutCommand({ TableName: harness.tableName, Item: { ...row, sk: `${row.sk}#${groupUuid}` } }),
        );
      }
      await repair(harness.client, harness.tableName);
      for (const owner of [a, b]) {
        expect((await originalInbox(harness, owner.uuid)).map((row) => [row.sk, row.message])).toEqual([
          [sent.createdAt, sent.text],
        ]);
      }
    });
  });
};
