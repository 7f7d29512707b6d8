import { DependencyUnavailableError } from '@cruddur/core';
import { runIdentityProviderDirectoryContract } from '@cruddur/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderDirectory } from '../../src/cognito/index.js';
import { ListUsersStub, type StubUser } from '@cruddur/engines';
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
const startStub = async (served: ReadonlyArray<readonly StubUser[]> = pages) => {
  const stub = await ListUsersStub.start(served);
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

// Pages of two, as Cognito chains them: a token after every full page, so an exactly full last
// page is followed by an empty one.
const STUB_PAGE_SIZE = 2;
runIdentityProviderDirectoryContract('CognitoIdentityProviderDirectory, paged ListUsers', async () => ({
  pageSize: STUB_PAGE_SIZE,
  withUsers: async (users) => {
    const asCognito = users.map(({ handle, sub }) => ({
      Username: `cognito-${handle}`,
      Attributes: [
        { Name: 'sub', Value: sub },
        { Name: 'preferred_username', Value: handle },
      ],
    }));
    const pages = Array.from({ length: Math.floor(asCognito.length / STUB_PAGE_SIZE) + 1 }, (_, i) =>
      asCognito.slice(i * STUB_PAGE_SIZE, (i + 1) * STUB_PAGE_SIZE),
    );
    return directoryOn(await startStub(pages));
  },
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
