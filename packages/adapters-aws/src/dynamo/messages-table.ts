import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DeleteCommand,
  type DeleteCommandInput,
  type DeleteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  type GetCommandOutput,
  PutCommand,
  type PutCommandInput,
  type PutCommandOutput,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { type BatchRequest, type WriteRequest, writeBatch } from './batch-writer.js';
import { callDirect } from './direct-call.js';
import { type DirectTransport, transportOf } from './direct-transport.js';
import { dynamoCall } from './errors.js';
import { allPages, type ItemPage } from './pager.js';

type Input<T> = Omit<T, 'TableName'>;
type PagedInput<T> = Omit<T, 'TableName' | 'ExclusiveStartKey'>;

/**
 * The one client and the table it talks to, shared by every part of the adapter. Each call
 * names the table and translates driver errors (`dynamoCall`) here, once; a conditional
 * check failure passes through for the caller to decide what it means.
 *
 * A client made by `createDynamoDocumentClient` carries a direct transport (direct-transport.ts):
 * the calls go through it, with the same inputs, outputs and errors as through the SDK, at a
 * fifth of the CPU. Any other client is used through the SDK.
 */
export class MessagesTable {
  private readonly transport: DirectTransport | undefined;

  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
  ) {
    this.transport = transportOf(client);
  }

  get(input: Input<GetCommandInput>): Promise<GetCommandOutput> {
    return this.send('GetItem', input, () => new GetCommand({ ...input, TableName: this.name }));
  }

  put(input: Input<PutCommandInput>): Promise<PutCommandOutput> {
    return this.send('PutItem', input, () => new PutCommand({ ...input, TableName: this.name }));
  }

  delete(input: Input<DeleteCommandInput>): Promise<DeleteCommandOutput> {
    return this.send('DeleteItem', input, () => new DeleteCommand({ ...input, TableName: this.name }));
  }

  update(input: Input<UpdateCommandInput>): Promise<UpdateCommandOutput> {
    return this.send('UpdateItem', input, () => new UpdateCommand({ ...input, TableName: this.name }));
  }

  query(input: Input<QueryCommandInput>): Promise<QueryCommandOutput> {
    return this.send('Query', input, () => new QueryCommand({ ...input, TableName: this.name }));
  }

  /** Every page of a Query (see `allPages`). */
  queryPages(input: PagedInput<QueryCommandInput>): AsyncGenerator<ItemPage> {
    return allPages((ExclusiveStartKey) => this.query({ ...input, ExclusiveStartKey }));
  }

  /** Every page of a Scan (see `allPages`). */
  scanPages(input: PagedInput<ScanCommandInput> = {}): AsyncGenerator<ItemPage> {
    return allPages((ExclusiveStartKey) =>
      this.send(
        'Scan',
        { ...input, ExclusiveStartKey },
        () => new ScanCommand({ ...input, TableName: this.name, ExclusiveStartKey }),
      ),
    );
  }

  /** Unconditional puts and deletes, batched, unprocessed items retried (see `writeBatch`). */
  writeBatch(requests: readonly WriteRequest[]): Promise<void> {
    const call = (batch: BatchRequest[]): Promise<BatchWriteCommandOutput> => {
      const input = { RequestItems: { [this.name]: batch } };
      return this.send('BatchWriteItem', input, () => new BatchWriteCommand(input), false);
    };
    return writeBatch(this.name, call, requests);
  }

  /** One call, through the direct transport or the SDK; errors translated (`dynamoCall`). */
  // biome-ignore lint/suspicious/noExplicitAny: each public method states its own output type
  private send(operation: string, input: object, command: () => any, named = true): Promise<any> {
    const { transport } = this;
    if (transport === undefined) return dynamoCall(() => this.client.send(command()));
    const plain = (named ? { ...input, TableName: this.name } : input) as Record<string, unknown>;
    return dynamoCall(() => callDirect(transport, this.client, operation, plain));
  }
}
