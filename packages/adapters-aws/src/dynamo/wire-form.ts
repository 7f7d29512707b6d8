import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Plain JS ⇄ DynamoDB's attribute-value JSON, for the fields the adapter's calls carry, as the
 * DocumentClient does it (`removeUndefinedValues`, as `createDynamoDocumentClient` configures it).
 */
type Plain = Record<string, unknown>;
type Wire = Record<string, AttributeValue>;

const toWire = (value: unknown): Wire => marshall(value as Plain, { removeUndefinedValues: true });
const fromWire = (value: unknown): Plain => unmarshall(value as Wire);

type BatchEntry = { PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } };

const mapBatch = (items: unknown, convert: (value: unknown) => unknown) =>
  Object.fromEntries(
    Object.entries(items as Record<string, BatchEntry[]>).map(([table, entries]) => [
      table,
      entries.map((entry) =>
        entry.PutRequest
          ? { PutRequest: { Item: convert(entry.PutRequest.Item) } }
          : { DeleteRequest: { Key: convert(entry.DeleteRequest?.Key) } },
      ),
    ]),
  );

const SINGLE_IN = ['Item', 'Key', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;
const SINGLE_OUT = ['Item', 'Attributes', 'LastEvaluatedKey'] as const;

export const inputToWire = (input: Plain): Plain => {
  const wire: Plain = { ...input };
  for (const field of SINGLE_IN) if (input[field] !== undefined) wire[field] = toWire(input[field]);
  if (input.RequestItems !== undefined) wire.RequestItems = mapBatch(input.RequestItems, toWire);
  return wire;
};

export const outputFromWire = (output: Plain): Plain => {
  const plain: Plain = { ...output };
  for (const field of SINGLE_OUT) if (output[field] !== undefined) plain[field] = fromWire(output[field]);
  if (Array.isArray(output.Items)) plain.Items = output.Items.map(fromWire);
  if (output.UnprocessedItems !== undefined)
    plain.UnprocessedItems = mapBatch(output.UnprocessedItems, fromWire);
  return plain;
};
