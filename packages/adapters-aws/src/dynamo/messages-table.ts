import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type BatchRequest, type WriteRequest, writeBatch } from './batch-writer.js';
import { dynamoCall } from './errors.js';
import { allPages, type ItemPage } from './pager.js';

type Input<T> = Omit<T, 'TableName'>;
type PagedInput<T> = Omit<T, 'TableName' | 'ExclusiveStartKey'>;

/**
 * The one client and the table it talks to, shared by every part of the adapter. Each call
 * names the table and translates driver errors (`dynamoCall`) here, once; a conditional
 * check failure passes through for the caller to decide what it means.
 */
export class MessagesTable {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  get(input: Input<GetCommandInput>) {
    return dynamoCall(() => this.client.send(new GetCommand({ ...input, TableName: this.name })));
  }

  put(input: Input<PutCommandInput>) {
    return dynamoCall(() => this.client.send(new PutCommand({ ...input, TableName: this.name })));
  }

  update(input: Input<UpdateCommandInput>) {
    return dynamoCall(() => this.client.send(new UpdateCommand({ ...input, TableName: this.name })));
  }

  query(input: Input<QueryCommandInput>) {
    return dynamoCall(() => this.client.send(new QueryCommand({ ...input, TableName: this.name })));
  }

  /** Every page of a Query (see `allPages`). */
  queryPages(input: PagedInput<QueryCommandInput>): AsyncGenerator<ItemPage> {
    return allPages((ExclusiveStartKey) => this.query({ ...input, ExclusiveStartKey }));
  }

  /** Every page of a Scan (see `allPages`). */
  scanPages(input: PagedInput<ScanCommandInput> = {}): AsyncGenerator<ItemPage> {
    return allPages((ExclusiveStartKey) =>
      dynamoCall(() =>
        this.client.send(new ScanCommand({ ...input, TableName: this.name, ExclusiveStartKey })),
      ),
    );
  }

  /** Unconditional puts and deletes, batched, unprocessed items retried (see `writeBatch`). */
  writeBatch(requests: readonly WriteRequest[]): Promise<void> {
    const call = (batch: BatchRequest[]) =>
      dynamoCall(() => this.client.send(new BatchWriteCommand({ RequestItems: { [this.name]: batch } })));
    return writeBatch(this.name, call, requests);
  }
}
