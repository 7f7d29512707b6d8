import { type Static, Type } from 'typebox';
import { Timestamp, Uuid } from './common.js';
import { CreatedMessageJson } from './messages.js';

export const EventsQuery = Type.Object({
  ticket: Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, description: 'From `POST /api/events/ticket`, instead of the header.' }),
  ),
  last_event_id: Type.Optional(
    Type.String({ minLength: 1, maxLength: 128, description: 'As the `Last-Event-ID` header: resume after this event.' }),
  ),
});
export type EventsQuery = Static<typeof EventsQuery>;

export const TicketJson = Type.Object(
  {
    ticket: Type.String({ description: 'Single use; pass as `GET /api/events?ticket=…`.' }),
    expires_in: Type.Integer({ description: 'Seconds the ticket stays valid (60, or less if the token expires sooner).' }),
  },
  { title: 'EventStreamTicket' },
);

/** What one `message` event carries, for the OpenAPI document (SSE frames are not JSON). */
export const MessageEventJson = Type.Object(
  {
    event: Type.Literal('message'),
    id: Type.String({ description: 'Resume point: send it back as `Last-Event-ID` or `last_event_id`.' }),
    data: CreatedMessageJson,
  },
  { title: 'MessageEvent' },
);

/** What one `read` event carries: a member of one of your groups (you included) moved their marker. */
export const ReadEventJson = Type.Object(
  {
    event: Type.Literal('read'),
    data: Type.Object({ message_group_uuid: Uuid, handle: Type.String(), last_read_at: Timestamp }),
  },
  { title: 'ReadEvent' },
);

export const StreamEventJson = Type.Union([MessageEventJson, ReadEventJson], { title: 'StreamEvent' });

export const EVENT_STREAM_DESCRIPTION = [
  'Server-Sent Events. `event: message` for every message stored in a group you are in (your own',
  'sends included), `data:` exactly as `POST /api/messages` returns it, with an `id:`. `event: read`',
  '(no `id:`, not replayed) when a member of one of your groups, you included, moves their read marker',
  'with `POST /api/message_groups/{uuid}/read`, `data: {message_group_uuid, handle, last_read_at}`. A comment',
  'line at least every 20 s. Reconnect with `Last-Event-ID` (or `last_event_id`) to first get every',
  'message stored since that event, read from the table, then live ones. The stream ends when the',
  'token expires, when the host shuts down, when the client stops reading, or after a catch-up too',
  'long for one response (resume again from the last id).',
].join(' ');
