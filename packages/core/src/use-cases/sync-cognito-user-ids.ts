import { CognitoUserIdTakenError } from '../domain/errors.js';
import type { IdentityProviderDirectory } from '../ports/identity-provider-directory.js';
import type { UserDirectory } from '../ports/user-directory.js';

export type SyncOutcome = 'linked' | 'already_linked' | 'no_local_user' | 'sub_taken';

export interface SyncReportLine {
  readonly handle: string;
  readonly sub: string;
  readonly outcome: SyncOutcome;
}

/** Copies each identity-provider user's `sub` onto the local user with the same handle. */
export class SyncCognitoUserIds {
  constructor(
    private readonly deps: { users: UserDirectory; identityProvider: IdentityProviderDirectory },
  ) {}

  async execute(): Promise<SyncReportLine[]> {
    const [remote, local] = await Promise.all([
      this.deps.identityProvider.listUsers(),
      this.deps.users.listAll(),
    ]);
    const subByHandle = new Map(local.map((user) => [user.handle, user.cognitoUserId]));
    const report: SyncReportLine[] = [];
    for (const { handle, sub } of remote) {
      report.push({ handle, sub, outcome: await this.link(subByHandle, handle, sub) });
    }
    return report;
  }

  private async link(
    subByHandle: Map<string, string | null>,
    handle: string,
    sub: string,
  ): Promise<SyncOutcome> {
    if (!subByHandle.has(handle)) return 'no_local_user';
    if (subByHandle.get(handle) === sub) return 'already_linked';
    try {
      return (await this.deps.users.setCognitoUserId(handle, sub)) ? 'linked' : 'no_local_user';
    } catch (error) {
      if (error instanceof CognitoUserIdTakenError) return 'sub_taken';
      throw error;
    }
  }
}
