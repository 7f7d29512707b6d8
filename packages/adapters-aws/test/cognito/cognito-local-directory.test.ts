import { runIdentityProviderDirectoryContract } from '@cruddur/core/testing';
import { afterAll } from 'vitest';
import { CognitoIdentityProviderDirectory } from '../../src/cognito/index.js';
import { type CognitoLocal, startCognitoLocal } from './cognito-local.js';
import { createPool, createUser } from './cognito-local-pool.js';

let cognito: CognitoLocal | undefined;

afterAll(async () => {
  await cognito?.stop();
});

// One page only: cognito-local returns every user at once whatever Limit says (paging: see the stub test).
runIdentityProviderDirectoryContract('CognitoIdentityProviderDirectory on cognito-local', async () => {
  const local = await startCognitoLocal();
  cognito = local;
  const pool = await createPool(local.client, local.endpoint);
  const andrew = await createUser(local.client, pool.userPoolId, { preferredUsername: 'andrew' });
  const bayko = await createUser(local.client, pool.userPoolId, { preferredUsername: 'bayko' });
  // No preferred_username: the handle falls back to the Cognito username (a uuid in cognito-local).
  const plain = await createUser(local.client, pool.userPoolId);
  return {
    directory: new CognitoIdentityProviderDirectory({ client: local.client, userPoolId: pool.userPoolId }),
    seeded: [
      { handle: 'andrew', sub: andrew.sub },
      { handle: 'bayko', sub: bayko.sub },
      { handle: plain.username, sub: plain.sub },
    ],
  };
});
