import { type Static, Type } from 'typebox';
import { ErrorBody, Handle, Timestamp, Uuid } from './common.js';

/**
 * Generous on purpose: the 1024 code point rule (after trimming) is the domain's 422
 * `message_exceed_max_chars_1024`. This cap, in UTF-16 units, only bounds the work.
 */
export const MAX_MESSAGE_UTF16_UNITS = 4096;

/** A message as the original frontend reads it: `uuid` is the message's, name and handle the sender's. */
export const MessageJson = Type.Object(
  {
    uuid: Uuid,
    display_name: Type.String(),
    handle: Type.String(),
    message: Type.String(),
    created_at: Timestamp,
  },
  { title: 'Message' },
);
export type MessageJson = Static<typeof MessageJson>;

export const MessageList = Type.Array(MessageJson, {
  description: 'Oldest to newest within the page; the first page is the newest. Next (older) page in `Link`.',
});

export const MessagesParams = Type.Object({ message_group_uuid: Uuid });

/**
 * One object with both targets optional rather than a union: "both" and "neither" then get
 * their own error code (`invalid_message_target`) instead of an opaque anyOf failure.
 */
export const CreateMessageBody = Type.Object(
  {
    message: Type.String({ maxLength: MAX_MESSAGE_UTF16_UNITS, description: 'Trimmed; 1–1024 characters.' }),
    handle: Type.Optional({ ...Handle, description: 'Create mode: the receiver.' }),
    message_group_uuid: Type.Optional({ ...Uuid, description: 'Update mode: a group you are in.' }),
  },
  {
    additionalProperties: false,
    title: 'CreateMessage',
    description:
      'Exactly one of `handle` (start or continue a conversation) or `message_group_uuid` (reply).',
  },
);
export type CreateMessageBody = Static<typeof CreateMessageBody>;

export const CreatedMessageJson = Type.Object(
  {
    message_group_uuid: Uuid,
    uuid: Uuid,
    display_name: Type.String(),
    handle: Type.String(),
    message: Type.String(),
    created_at: Timestamp,
  },
  { title: 'CreatedMessage', description: "`uuid` is the new message's uuid." },
);
export type CreatedMessageJson = Static<typeof CreatedMessageJson>;

/**
 * Typed as any string on purpose: the domain checks the key (1–255 visible ASCII) and answers
 * `400 idempotency_key_invalid`, a code a schema failure could not carry.
 */
export const CreateMessageHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        '1–255 visible ASCII characters (0x21–0x7E), chosen by the client, per sender. A repeat within 24 h ' +
        'answers the first response (same `uuid` and `created_at`) and stores nothing new; the same key with ' +
        'another body is `422 idempotency_key_reused`.',
    }),
  ),
});

/** The send's own wording of 400 and 422, naming the idempotency codes. */
export const sendErrorResponses = {
  400: { ...ErrorBody, description: 'Malformed request: schema violation, bad JSON, or `idempotency_key_invalid`.' },
  422: {
    ...ErrorBody,
    description:
      'Domain validation failed (`errors` lists every failing code), or `idempotency_key_reused`: the key ' +
      'already names a send with another body.',
  },
};
