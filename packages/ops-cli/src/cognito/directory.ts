import { CognitoIdentityProviderDirectory } from '@cruddur/adapters-aws/cognito';
import type { Session } from '../session.js';

/** The pool's users through the adapter, which follows PaginationToken to the last page. */
export const cognitoDirectory = (session: Session): CognitoIdentityProviderDirectory => {
  const { client, userPoolId } = session.cognito();
  return new CognitoIdentityProviderDirectory({ client, userPoolId });
};

export const USER_POOL_OPTION = {
  'user-pool-id': {
    type: 'string',
    value: '<id>',
    description: 'user pool id, e.g. us-east-1_AbC123 (default: AWS_COGNITO_USER_POOL_ID)',
  },
} as const;
