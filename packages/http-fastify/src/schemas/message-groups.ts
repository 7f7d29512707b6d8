import { type Static, Type } from 'typebox';
import { Timestamp, Uuid } from './common.js';

/** An inbox row: `uuid` is the group's; name and handle are the other member's. */
export const MessageGroupJson = Type.Object(
  {
    uuid: Uuid,
    display_name: Type.String(),
    handle: Type.String(),
    message: Type.String({ description: 'The latest message of the group.' }),
    created_at: Timestamp,
    unread_count: Type.Integer({ minimum: 0, description: "Messages from the other member after the caller's read marker." }),
    last_read_at: Type.Union([Timestamp, Type.Null()], {
      description: "The caller's read marker: null until they first mark the group read or send in it.",
    }),
  },
  { title: 'MessageGroup' },
);
export type MessageGroupJson = Static<typeof MessageGroupJson>;

export const MessageGroupList = Type.Array(MessageGroupJson, {
  description: 'Latest activity first. Next page in `Link` and `X-Next-Cursor`, absent on the last page.',
});

export const MarkReadParams = Type.Object({ message_group_uuid: Uuid });

export const MarkReadBody = Type.Object(
  {
    up_to: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "Read up to this time (a message's `created_at`); default and maximum: the group's latest message.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type MarkReadBody = Static<typeof MarkReadBody>;

export const ReadStateJson = Type.Object(
  {
    message_group_uuid: Uuid,
    last_read_at: Type.Union([Timestamp, Type.Null()], { description: 'Null only for a group with no messages yet.' }),
    unread_count: Type.Integer({ minimum: 0 }),
  },
  { title: 'ReadState' },
);
export type ReadStateJson = Static<typeof ReadStateJson>;
