/** The user pool the cognito commands read (the directory itself comes from `Session.identityProvider`). */
export const USER_POOL_OPTION = {
  'user-pool-id': {
    type: 'string',
    value: '<id>',
    description: 'user pool id, e.g. us-east-1_AbC123 (default: AWS_COGNITO_USER_POOL_ID)',
  },
} as const;
