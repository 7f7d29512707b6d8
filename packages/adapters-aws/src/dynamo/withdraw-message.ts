import type { Instant } from '@cruddur/core';
import { isConditionalCheckFailed } from './errors.js';
import { messageKey } from './keys.js';
import type { MessagesTable } from './messages-table.js';
import { settleAll } from './settle-all.js';

/**
 * Pauses between tries of a withdrawal: about a minute in all, so an engine that comes back
 * within it loses the row; one that stays away longer leaves it (the host logs the give-up).
 */
export const WITHDRAW_BACKOFF_MS = [250, 1000, 2000, 4000, 8000, 15_000, 30_000] as const;

/**
 * Undoes the message-row puts of a send that is answered as failed. An engine may apply a
 * write whose answer never arrives (a timeout, a reset connection), and the tries after it may
 * then fail for another reason: the send fails, yet its row may be stored. Each slot the send
 * tried is deleted only if it holds this message (`message_uuid`), so a row another send took
 * since is never touched; an empty or foreign slot fails the check, which is success here.
 */
export const withdrawMessage = async (
  table: MessagesTable,
  groupUuid: string,
  messageUuid: string,
  triedAt: readonly Instant[],
): Promise<void> => {
  await settleAll(
    triedAt.map((createdAt) =>
      table
        .delete({
          Key: messageKey(groupUuid, createdAt),
          ConditionExpression: 'message_uuid = :uuid',
          ExpressionAttributeValues: { ':uuid': messageUuid },
        })
        .catch((error: unknown) => {
          if (!isConditionalCheckFailed(error)) throw error;
        }),
    ),
  );
};
