import { CognitoUserIdTakenError } from '../domain/errors.js';
import type { IdentityProviderDirectory } from '../ports/identity-provider-directory.js';
import type { UserDirectory } from '../ports/user-directory.js';

/**
 * `relinked`: the user had another sub before (worth a look: a re-created Cognito account).
 * `duplicate_handle`: several Cognito users claim the handle, so none is linked.
 */
export type SyncOutcome = 'linked' | 'relinked' | 'already_linked' | 'no_local_user' | 'sub_taken' | 'duplicate_handle';

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
    const claims = new Map<string, number>();
    for (const { handle } of remote) claims.set(handle, (claims.get(handle) ?? 0) + 1);
    const report: SyncReportLine[] = [];
    for (const { handle, sub } of remote) {
      const outcome = (claims.get(handle) ?? 0) > 1 ? 'duplicate_handle' : await this.link(subByHandle, handle, sub);
      report.push({ handle, sub, outcome });
    }
    return report;
  }

  private async link(
    subByHandle: Map<string, string | null>,
    handle: string,
    sub: string,
  ): Promise<SyncOutcome> {
    if (!subByHandle.has(handle)) return 'no_local_user';
    const previous = subByHandle.get(handle);
    if (previous === sub) return 'already_linked';
    try {
      if (!(await this.deps.users.setCognitoUserId(handle, sub))) return 'no_local_user';
      return previous ? 'relinked' : 'linked';
    } catch (error) {
      if (error instanceof CognitoUserIdTakenError) return 'sub_taken';
      throw error;
    }
  }
}
