import { MessageGroupNotFoundError } from '../domain/errors.js';
import { isMember, type Message } from '../domain/message.js';
import type { Page } from '../domain/page.js';
import type { Conversations } from '../ports/conversations.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { type PageInput, toPageRequest } from './page-input.js';
import { resolveCaller } from './resolve-caller.js';

export interface ListMessagesInput extends PageInput {
  readonly callerSub: string;
  readonly groupUuid: string;
}

/** One conversation, newest page first, each page oldest to newest. Members only. */
export class ListMessages {
  constructor(private readonly deps: { users: UserDirectory; conversations: Conversations }) {}

  async execute(input: ListMessagesInput): Promise<Page<Message>> {
    const page = toPageRequest(input);
    const caller = await resolveCaller(this.deps.users, input.callerSub);
    const members = await this.deps.conversations.findGroupMembers(input.groupUuid, caller.uuid);
    if (!members || !isMember(members, caller.uuid)) {
      throw new MessageGroupNotFoundError(input.groupUuid);
    }
    return this.deps.conversations.listMessages(input.groupUuid, page);
  }
}
