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
  },
  { title: 'MessageGroup' },
);
export type MessageGroupJson = Static<typeof MessageGroupJson>;

export const MessageGroupList = Type.Array(MessageGroupJson, {
  description: 'Latest activity first. Next page in `Link` and `X-Next-Cursor`, absent on the last page.',
});
