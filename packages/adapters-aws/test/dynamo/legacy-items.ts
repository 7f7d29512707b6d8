import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Participant } from '@cruddur/core';
import type { DynamoHarness } from './harness.js';

/**
 * Items exactly as the original Flask system wrote them (week-5 `ddb.py`, its seed script and
 * its stream Lambda): raw `pk`/`sk` strings, timestamps in whatever format that code produced.
 */
export const legacyWriter = ({ client, tableName }: DynamoHarness) => {
  const put = (Item: Record<string, string>) => client.send(new PutCommand({ TableName: tableName, Item }));
  return {
    inboxRow: (owner: string, groupUuid: string, other: Participant, message: string, sk: string) =>
      put({
        pk: `GRP#${owner}`,
        sk,
        message_group_uuid: groupUuid,
        message,
        user_uuid: other.uuid,
        user_display_name: other.displayName,
        user_handle: other.handle,
      }),
    messageRow: (groupUuid: string, sender: Participant, messageUuid: string, message: string, sk: string) =>
      put({
        pk: `MSG#${groupUuid}`,
        sk,
        message_uuid: messageUuid,
        message,
        user_uuid: sender.uuid,
        user_display_name: sender.displayName,
        user_handle: sender.handle,
      }),
  };
};
