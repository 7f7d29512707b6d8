import { DependencyUnavailableError } from '@cruddur/core';
import { runIdentityProviderDirectoryContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderDirectory } from '../../src/cognito/index.js';
import { ListUsersStub, type StubUser } from './list-users-stub.js';
import { localCognitoClient } from './sdk-client.js';

const aCognitoUser = (n: number, preferredUsername?: string): StubUser => ({
  Username: `user-${n}`,
  Attributes: [
    { Name: 'sub', Value: `00000000-0000-4000-8000-00000000000${n}` },
    ...(preferredUsername ? [{ Name: 'preferred_username', Value: preferredUsername }] : []),
  ],
});

// cognito-local ignores PaginationToken, so paging is proven against this stub: three pages.
const pages = [
  [aCognitoUser(1, 'andrew'), aCognitoUser(2, 'bayko')],
  [aCognitoUser(3, 'mira')],
  [aCognitoUser(4)],
];
const stubs: ListUsersStub[] = [];
const startStub = async () => {
  const stub = await ListUsersStub.start(pages);
  stubs.push(stub);
  return stub;
};
const directoryOn = (stub: { endpoint: string }, maxAttempts?: number) =>
  new CognitoIdentityProviderDirectory({
    client: localCognitoClient(stub.endpoint, maxAttempts === undefined ? {} : { maxAttempts }),
    userPoolId: 'us-east-1_Cruddur1',
  });

afterAll(async () => {
  await Promise.all(stubs.map((stub) => stub.close()));
});

runIdentityProviderDirectoryContract('CognitoIdentityProviderDirectory, paged ListUsers', async () => ({
  directory: directoryOn(await startStub()),
  seeded: [
    { handle: 'andrew', sub: '00000000-0000-4000-8000-000000000001' },
    { handle: 'bayko', sub: '00000000-0000-4000-8000-000000000002' },
    { handle: 'mira', sub: '00000000-0000-4000-8000-000000000003' },
    { handle: 'user-4', sub: '00000000-0000-4000-8000-000000000004' },
  ],
}));

describe('CognitoIdentityProviderDirectory', () => {
  let stub: ListUsersStub;

  beforeAll(async () => {
    stub = await startStub();
  });

  it('asks for every page, handing back each PaginationToken, and stops after the last', async () => {
    const users = await directoryOn(stub).listUsers();

    expect(users.map((user) => user.handle)).toEqual(['andrew', 'bayko', 'mira', 'user-4']);
    expect(stub.requests.map((request) => request.PaginationToken)).toEqual([undefined, 'page-1', 'page-2']);
    expect(stub.requests[0]).toMatchObject({
      target: 'AWSCognitoIdentityProviderService.ListUsers',
      UserPoolId: 'us-east-1_Cruddur1',
    });
  });

  it('reports Cognito unavailable when it throttles', async () => {
    const throttling = await startStub();
    throttling.failWith(400, 'TooManyRequestsException');
    const failure = await directoryOn(throttling, 1)
      .listUsers()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports Cognito unavailable when its endpoint is down', async () => {
    const down = await startStub();
    await down.close();
    const failure = await directoryOn(down, 1)
      .listUsers()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DependencyUnavailableError);
  });

  it('lets a configuration mistake such as an unknown pool surface as itself', async () => {
    const missing = await startStub();
    missing.failWith(400, 'ResourceNotFoundException');
    const failure = await directoryOn(missing, 1)
      .listUsers()
      .catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(DependencyUnavailableError);
    expect(failure).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
