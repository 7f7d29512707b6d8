import { randomUUID } from 'node:crypto';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { DependencyUnavailableError } from '@cruddur/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDynamoDocumentClient,
  DynamoConversations,
  translateDynamoError,
} from '../../src/dynamo/index.js';
import { failsWith } from './client-hooks.js';
import { type DynamoEngine, freePort, startDynalite } from '@cruddur/engines';
import { dynamoHarness } from './harness.js';

const serviceError = (name: string, status: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode: status } });

describe('translating DynamoDB errors', () => {
  it.each([
    ['ProvisionedThroughputExceededException', 400],
    ['ThrottlingException', 400],
    ['RequestLimitExceeded', 400],
    ['InternalServerError', 500],
    ['ServiceUnavailable', 503],
  ])('turns %s into DependencyUnavailableError', (name, status) => {
    const translated = translateDynamoError(serviceError(name, status, status >= 500 ? 'server' : 'client'));
    expect(translated).toBeInstanceOf(DependencyUnavailableError);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])(
    'turns a %s socket error into DependencyUnavailableError',
    (code) => {
      expect(translateDynamoError(Object.assign(new Error(code), { code }))).toBeInstanceOf(
        DependencyUnavailableError,
      );
    },
  );

  it('looks inside the AggregateError of a refused dual-stack connect', () => {
    const refused = new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]);
    expect(translateDynamoError(refused)).toBeInstanceOf(DependencyUnavailableError);
  });

  it('turns an SDK timeout into DependencyUnavailableError', () => {
    expect(translateDynamoError(Object.assign(new Error('slow'), { name: 'TimeoutError' }))).toBeInstanceOf(
      DependencyUnavailableError,
    );
  });

  it('says when to retry: soon for throttling, later for an unreachable engine', () => {
    const throttled = translateDynamoError(serviceError('ThrottlingException', 400));
    const refused = translateDynamoError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }));
    expect(throttled).toMatchObject({ retryAfterSeconds: 1, dependency: 'dynamodb' });
    expect(refused).toMatchObject({ retryAfterSeconds: 5 });
  });

  it.each(['CredentialsProviderError', 'ExpiredTokenException'])(
    'turns %s (credentials not refreshed) into DependencyUnavailableError',
    (name) => {
      expect(translateDynamoError(serviceError(name, 400))).toBeInstanceOf(DependencyUnavailableError);
    },
  );

  it('leaves programming errors (bad requests) as they are', () => {
    const validation = serviceError('ValidationException', 400);
    expect(translateDynamoError(validation)).toBe(validation);
  });
});

describe('a DynamoDB that is down or throttling', () => {
  let engine: DynamoEngine;
  beforeAll(async () => {
    engine = await startDynalite();
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('fails fast with DependencyUnavailableError when nothing listens on the port', async () => {
    const client = createDynamoDocumentClient({
      region: 'local',
      endpoint: `http://127.0.0.1:${await freePort()}`,
    });
    const conversations = new DynamoConversations({ client, tableName: 'cruddur-messages' });
    const started = Date.now();
    await expect(conversations.listInbox(randomUUID(), { limit: 5, cursor: null })).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on an engine that accepts connections but never answers, within the request timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = createDynamoDocumentClient({
        region: 'local',
        endpoint: `http://127.0.0.1:${port}`,
        requestTimeoutMs: 300,
        maxAttempts: 2,
      });
      const conversations = new DynamoConversations({ client, tableName: 'cruddur-messages' });
      const started = Date.now();
      await expect(conversations.findGroupByPair(randomUUID(), randomUUID())).rejects.toBeInstanceOf(
        DependencyUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('turns throttling that outlasts the SDK retries into DependencyUnavailableError', async () => {
    const harness = await dynamoHarness(engine.endpoint);
    failsWith(harness.client, () => serviceError('ThrottlingException', 400), 10);
    const failure = harness.conversations.findGroupByPair(randomUUID(), randomUUID());
    await expect(failure).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(failure).rejects.toMatchObject({ retryAfterSeconds: 1 });
  });

  it('recovers without a new client once the throttling stops', async () => {
    const harness = await dynamoHarness(engine.endpoint);
    failsWith(harness.client, () => serviceError('ProvisionedThroughputExceededException', 400), 3);
    await expect(harness.conversations.findGroupByPair(randomUUID(), randomUUID())).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    expect(await harness.conversations.findGroupByPair(randomUUID(), randomUUID())).toBeNull();
  });

  it('reports a missing table as unavailable, not as a server error', async () => {
    const client = createDynamoDocumentClient({ region: 'local', endpoint: engine.endpoint });
    const conversations = new DynamoConversations({ client, tableName: `missing-${randomUUID()}` });
    await expect(conversations.findGroupMembers(randomUUID())).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });
});
