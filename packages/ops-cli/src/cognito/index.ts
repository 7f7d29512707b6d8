import type { CommandGroup } from '../command.js';
import { LOCAL_COGNITO_ENDPOINT } from '../targets.js';
import { USER_POOL_OPTION } from './directory.js';
import { listUsers } from './list-users.js';
import { syncUserIds } from './sync-user-ids.js';

export const cognitoGroup: CommandGroup = {
  name: 'cognito',
  summary: 'the Cognito user pool and its link to PostgreSQL users',
  options: USER_POOL_OPTION,
  environment: [
    ['AWS_COGNITO_USER_POOL_ID', 'user pool id (or --user-pool-id)'],
    [
      'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
      `endpoint (else AWS_ENDPOINT_URL, else cognito-local at ${LOCAL_COGNITO_ENDPOINT}); refused with --prod`,
    ],
    ['AWS_REGION', "region (else AWS_DEFAULT_REGION, else the pool id's prefix)"],
    ['CONNECTION_URL', 'PostgreSQL, for sync-user-ids (see "db --help")'],
  ],
  commands: [listUsers, syncUserIds],
};
