import {
  MessageGroupNotFoundError,
  type ValidationCode,
  ValidationError,
} from '../domain/errors.js';
import { isMember, type Message } from '../domain/message.js';
import { checkMessageText } from '../domain/message-text.js';
import { toParticipant, type User } from '../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { Conversations } from '../ports/conversations.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { SendReceipts } from '../ports/send-receipts.js';
import type { MessageEvents } from '../ports/message-events.js';
import type { UserDirectory } from '../ports/user-directory.js';
import { checkIdempotencyKey, identityOfSend } from './keyed-send.js';
import { resolveCaller } from './resolve-caller.js';
import { sendFingerprint } from './send-fingerprint.js';

interface SendOptions {
  /**
   * Makes the send idempotent per sender for 24 hours: a repeat returns the first message
   * (same uuid and `createdAt`) and stores nothing new. 1–255 visible ASCII characters.
   */
  readonly idempotencyKey?: string | undefined;
}

/** `create` starts (or continues) the conversation with a handle; `update` posts into a group. */
export type CreateMessageInput =
  | (SendOptions & { readonly mode: 'create'; readonly callerSub: string; readonly handle: string; readonly message: string })
  | (SendOptions & { readonly mode: 'update'; readonly callerSub: string; readonly groupUuid: string; readonly message: string });

export interface CreateMessageDeps {
  readonly users: UserDirectory;
  readonly conversations: Conversations;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Needed only for sends with an idempotency key. */
  readonly receipts?: SendReceipts | undefined;
  /** Told about every stored message (live streams); none for a library use without them. */
  readonly events?: MessageEvents;
}

export class CreateMessage {
  constructor(private readonly deps: CreateMessageDeps) {}

  async execute(input: CreateMessageInput): Promise<Message> {
    checkIdempotencyKey(input.idempotencyKey);
    const caller = await resolveCaller(this.deps.users, input.callerSub);
    const { text, problem } = checkMessageText(input.message);
    const problems: ValidationCode[] = problem ? [problem] : [];
    switch (input.mode) {
      case 'create': {
        const receiver = await this.deps.users.findByHandle(input.handle);
        if (!receiver) problems.push('receiver_not_found');
        else if (receiver.uuid === caller.uuid) problems.push('cannot_message_self');
        if (!receiver || problems.length > 0) throw toValidationError(problems);
        return this.send(input, caller, receiver, text, await this.groupWith(caller, receiver));
      }
      case 'update': {
        if (problems.length > 0) throw toValidationError(problems);
        const members = await this.deps.conversations.findGroupMembers(input.groupUuid, caller.uuid);
        if (!members || !isMember(members, caller.uuid)) {
          throw new MessageGroupNotFoundError(input.groupUuid);
        }
        const otherUuid = members[0] === caller.uuid ? members[1] : members[0];
        const [other] = await this.deps.users.findByUuids([otherUuid]);
        // A member whose user row is gone makes the conversation unusable, not a server error.
        if (!other) throw new MessageGroupNotFoundError(input.groupUuid);
        return this.send(input, caller, other, text, input.groupUuid);
      }
      default:
        return assertNever(input);
    }
  }

  private async groupWith(caller: User, receiver: User): Promise<string> {
    const { conversations, ids } = this.deps;
    const existing = await conversations.findGroupByPair(caller.uuid, receiver.uuid);
    return existing ?? conversations.openGroup([caller.uuid, receiver.uuid], ids.uuid());
  }

  /**
   * `append` is the one place a message is stored, so announcing right after it resolves
   * publishes every stored message exactly once per send attempt, whoever calls the use case.
   * The announcement is not awaited and cannot fail the send: a stored message is never
   * reported as failed, and a lost announcement is healed by the reader's next resume.
   */
  private async send(
    input: CreateMessageInput,
    sender: User,
    recipient: User,
    text: string,
    groupUuid: string,
  ): Promise<Message> {
    const identity = await identityOfSend(this.deps, {
      senderUuid: sender.uuid,
      groupUuid,
      key: input.idempotencyKey,
      fingerprint: () => sendFingerprint(input),
    });
    // A repeat appends the recorded message again: the port finds it stored and finishes its
    // inbox rows, so a send cut short after its message row converges here.
    const stored = await this.deps.conversations.append({
      ...identity,
      sender: toParticipant(sender),
      recipient: toParticipant(recipient),
      text,
      repeatable: input.idempotencyKey !== undefined,
    });
    this.deps.events?.publish(stored, [sender.uuid, recipient.uuid]).catch(() => {});
    // No read marker is written here: whoever sends has read up to their message, and the read
    // side derives that from the stored messages (`read-position.ts`), so a send costs no call
    // for it and no crash point can leave the sender's read state behind.
    return stored;
  }
}

function toValidationError(problems: readonly ValidationCode[]): ValidationError {
  const [first = 'receiver_not_found', ...rest] = problems;
  return new ValidationError([first, ...rest]);
}

function assertNever(value: never): never {
  throw new Error(`Unhandled create-message mode: ${JSON.stringify(value)}`);
}
