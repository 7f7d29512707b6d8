import type { InboxEntry } from '../domain/message.js';
import type { Page } from '../domain/page.js';
import type { Conversations } from '../ports/conversations.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { type PageInput, toPageRequest } from './page-input.js';
import { resolveCaller } from './resolve-caller.js';

export interface ListMessageGroupsInput extends PageInput {
  readonly callerSub: string;
}

/** The caller's inbox: one entry per conversation, latest activity first. */
export class ListMessageGroups {
  constructor(private readonly deps: { users: UserDirectory; conversations: Conversations }) {}

  async execute(input: ListMessageGroupsInput): Promise<Page<InboxEntry>> {
    const page = toPageRequest(input);
    const caller = await resolveCaller(this.deps.users, input.callerSub);
    return this.deps.conversations.listInbox(caller.uuid, page);
  }
}
