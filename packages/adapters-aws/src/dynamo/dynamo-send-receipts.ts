import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReceiptClaim, SendReceipt, SendReceipts } from '@cruddur/core';
import { isConditionalCheckFailed } from './errors.js';
import { MessagesTable } from './messages-table.js';
import { readLiveReceipt, receiptItem, receiptKey } from './send-receipt-item.js';

export interface DynamoSendReceiptsOptions {
  readonly client: DynamoDBDocumentClient;
  /** The messages table: receipts live in their own `IDEM#` partitions there. */
  readonly tableName: string;
}

/** A receipt replaced or swept between our put and our read is rare; three rounds settle it. */
const MAX_ROUNDS = 3;

/**
 * `SendReceipts` in the messages table, so every host sees the same receipts. A first claim
 * costs one conditional put; a repeat, one failed put and one consistent read.
 */
export class DynamoSendReceipts implements SendReceipts {
  private readonly table: MessagesTable;

  constructor({ client, tableName }: DynamoSendReceiptsOptions) {
    this.table = new MessagesTable(client, tableName);
  }

  async claim({ senderUuid, key, receipt, now, expiresAt }: ReceiptClaim): Promise<SendReceipt> {
    const { table } = this;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        await table.put({
          Item: receiptItem(senderUuid, key, receipt, expiresAt),
          // An expired receipt may still be there (TTL sweeps late; dynalite never does):
          // it counts as absent, so the claim may overwrite it.
          ConditionExpression: 'attribute_not_exists(pk) OR expires_at <= :now',
          ExpressionAttributeValues: { ':now': now },
        });
        return receipt;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      const { Item } = await table.get({ Key: receiptKey(senderUuid, key), ConsistentRead: true });
      const held = readLiveReceipt(Item, now);
      if (held) return held;
    }
    throw new Error(`The item for idempotency key ${JSON.stringify(key)} is not a send receipt.`);
  }
}
