import { runIdentityProviderDirectoryContract } from '@cruddur/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CognitoIdentityProviderDirectory } from '../../src/cognito/index.js';
import { type CognitoLocal, startCognitoLocal } from './cognito-local.js';
import { createPool, createUser } from './cognito-local-pool.js';

let cognito: CognitoLocal | undefined;

afterAll(async () => {
  await cognito?.stop();
});

// No pageSize: cognito-local returns every user at once whatever Limit says (paging: see the stub test).
runIdentityProviderDirectoryContract('CognitoIdentityProviderDirectory on cognito-local', async () => {
  const local = await startCognitoLocal();
  cognito = local;
  return {
    withUsers: async (users) => {
      const pool = await createPool(local.client, local.endpoint);
      for (const { handle, sub } of users) {
        await createUser(local.client, pool.userPoolId, { preferredUsername: handle, sub });
      }
      return new CognitoIdentityProviderDirectory({ client: local.client, userPoolId: pool.userPoolId });
    },
  };
});

describe('CognitoIdentityProviderDirectory on cognito-local', () => {
  it('falls back to the Cognito username when a user has no preferred_username', async () => {
    const local = cognito ?? (await startCognitoLocal());
    cognito = local;
    const pool = await createPool(local.client, local.endpoint);
    const plain = await createUser(local.client, pool.userPoolId);
    const directory = new CognitoIdentityProviderDirectory({
      client: local.client,
      userPoolId: pool.userPoolId,
    });
    expect(await directory.listUsers()).toEqual([{ handle: plain.username, sub: plain.sub }]);
  });
});
