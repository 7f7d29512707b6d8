import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

// The SDK warns once per process about Node 20; stack-notes.md names this switch to silence it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** An SDK client for a local endpoint (cognito-local or a stub), with dummy credentials. */
export function localCognitoClient(endpoint: string, options: { maxAttempts?: number } = {}) {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...options,
  });
}
