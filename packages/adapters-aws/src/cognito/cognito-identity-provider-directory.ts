import {
  type CognitoIdentityProviderClient,
  type ListUsersCommandOutput,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProviderDirectory, IdentityProviderUser } from '@cruddur/core';
import { translateCognitoFailure } from './cognito-sdk-failure.js';

export interface CognitoIdentityProviderDirectoryOptions {
  readonly client: CognitoIdentityProviderClient;
  /** `AWS_COGNITO_USER_POOL_ID`. */
  readonly userPoolId: string;
}

// ListUsers returns at most 60 users per page; asking for the maximum keeps the round trips few.
const PAGE_SIZE = 60;

/** The users of a Cognito user pool, read with ListUsers across every page. */
export class CognitoIdentityProviderDirectory implements IdentityProviderDirectory {
  private readonly client: CognitoIdentityProviderClient;
  private readonly userPoolId: string;

  constructor(options: CognitoIdentityProviderDirectoryOptions) {
    this.client = options.client;
    this.userPoolId = options.userPoolId;
  }

  async listUsers(): Promise<IdentityProviderUser[]> {
    const users: IdentityProviderUser[] = [];
    let paginationToken: string | undefined;
    do {
      const page = await this.listPage(paginationToken);
      for (const user of page.Users ?? []) {
        const listed = toIdentityProviderUser(user);
        if (listed) users.push(listed);
      }
      paginationToken = page.PaginationToken;
    } while (paginationToken);
    return users;
  }

  private async listPage(paginationToken: string | undefined): Promise<ListUsersCommandOutput> {
    try {
      return await this.client.send(
        new ListUsersCommand({
          UserPoolId: this.userPoolId,
          Limit: PAGE_SIZE,
          // Only what sync needs; Cognito would otherwise return every attribute of every user.
          AttributesToGet: ['sub', 'preferred_username'],
          ...(paginationToken ? { PaginationToken: paginationToken } : {}),
        }),
      );
    } catch (error) {
      throw translateCognitoFailure(error);
    }
  }
}

/** Handle = `preferred_username` (what Cruddur's sign-up stores), else the Cognito username. */
function toIdentityProviderUser(user: UserType): IdentityProviderUser | undefined {
  const attribute = (name: string) => user.Attributes?.find((a) => a.Name === name)?.Value || undefined;
  const sub = attribute('sub');
  const handle = attribute('preferred_username') ?? user.Username;
  // Cognito always sets both; a user without them could not be matched to a profile anyway.
  if (!sub || !handle) return undefined;
  return { handle, sub };
}
