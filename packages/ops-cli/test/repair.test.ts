import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient, inboxKey, inboxPartition } from '@cruddur/adapters-aws/dynamo';
import { type DynamoEngine, startDynalite } from '@cruddur/engines';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../src/seed/demo-seed.js';
import { aTableName, jsonOf, runCli } from './run-cli.js';

type Key = { pk: string; sk: string };
interface Report {
  dry_run: boolean;
  groups_checked: number;
  groups_adopted: number;
  inboxes_rewritten: number;
  stale_rows_deleted: number;
  groups_skipped: number;
}

let engine: DynamoEngine;
let client: DynamoDBDocumentClient;
let table: string;
const ddb = (...argv: string[]) =>
  runCli(['ddb', ...argv, '--table', table], { env: { AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint } });

const [mira, tomas] = DEMO_SEED.users;
const GROUP = DEMO_SEED.conversations[0]?.groupUuid ?? '';
const LATEST = 'Best message of the week.';
const OLD = '2020-01-01T00:00:00.000000+00:00';
const users = () => {
  if (mira === undefined || tomas === undefined) throw new Error('demo seed without users');
  return { mira, tomas };
};

/** An inbox row of the rehearsal group, as an interrupted send (or the Flask app) leaves it. */
const plantInboxRow = (key: Key, text: string) =>
  client.send(
    new PutCommand({
      TableName: table,
      Item: {
        ...key,
        message_group_uuid: GROUP,
        message: text,
        user_uuid: 'x',
        user_handle: 'x',
        user_display_name: 'X',
      },
    }),
  );

const inboxOf = async (ownerUuid: string) => {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inboxPartition(ownerUuid) },
    }),
  );
  return Items.filter((item) => item.message_group_uuid === GROUP).map((item) => ({
    pk: item.pk,
    sk: item.sk,
    message: item.message,
  }));
};

const itemCount = async () =>
  (await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count;

beforeAll(async () => {
  engine = await startDynalite();
  client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
});
afterAll(async () => {
  client.destroy();
  await engine.stop();
});
beforeEach(async () => {
  table = aTableName();
  await ddb('schema-load');
  await ddb('seed');
});

describe('ddb repair', () => {
  it('deletes stale inbox rows; --dry-run only counts them', async () => {
    const stale = inboxKey(users().mira.uuid, OLD);
    // The original's spelling of an older row (a bare time as the sort key) is stale too.
    const legacy = { pk: stale.pk, sk: '2019-06-01T10:00:00+00:00' };
    await plantInboxRow(stale, 'an older message');
    await plantInboxRow(legacy, 'written by the Flask app');
    const before = await itemCount();

    const counts = {
      groups_checked: 3,
      groups_adopted: 0,
      inboxes_rewritten: 0,
      stale_rows_deleted: 2,
      groups_skipped: 0,
    };
    expect(jsonOf<Report>(await ddb('repair', '--dry-run', '--json'))).toEqual({ dry_run: true, ...counts });
    const listing = (await ddb('repair', '--dry-run')).stdout;
    expect(listing).toContain('what repair would do; nothing changed');
    expect(listing).toMatch(/^stale rows deleted\s+2$/m);
    expect(await itemCount()).toBe(before);

    expect(jsonOf<Report>(await ddb('repair', '--json'))).toEqual({ dry_run: false, ...counts });
    expect(await itemCount()).toBe((before ?? 0) - 2);
    expect(await inboxOf(users().mira.uuid)).toEqual([expect.objectContaining({ message: LATEST })]);
    expect((await ddb('repair')).stdout).toMatch(/^stale rows deleted\s+0$/m);
  });

  it('rewrites a member row left behind its group; --dry-run counts it to rewrite', async () => {
    const { tomas } = users();
    const [current] = await inboxOf(tomas.uuid);
    if (current === undefined) throw new Error('tomas has no row for the group');
    await client.send(new DeleteCommand({ TableName: table, Key: { pk: current.pk, sk: current.sk } }));
    const behind = inboxKey(tomas.uuid, OLD);
    await plantInboxRow(behind, 'an older message');

    const preview = jsonOf<Report>(await ddb('repair', '--dry-run', '--json'));
    expect(preview).toMatchObject({ inboxes_rewritten: 1, stale_rows_deleted: 0 });
    expect(await inboxOf(tomas.uuid)).toEqual([{ ...behind, message: 'an older message' }]);

    const report = await ddb('repair');
    expect(report.stdout).toMatch(/^inboxes rewritten\s+1$/m);
    expect(await inboxOf(tomas.uuid)).toEqual([current]);
    expect(jsonOf<Report>(await ddb('repair', '--dry-run', '--json')).inboxes_rewritten).toBe(0);
  });
});
