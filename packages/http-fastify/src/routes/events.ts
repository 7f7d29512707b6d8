import type { EventTickets, FollowMessages } from '@cruddur/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type AuthHooks, callerOf } from '../auth.js';
import { HttpRequestError } from '../error-handler.js';
import { resumePointOf } from '../events/event-id.js';
import { MessageFeed } from '../events/message-feed.js';
import { SseStream } from '../events/sse-stream.js';
import { type StreamLimits, StreamSlots } from '../events/stream-slots.js';
import { ticketOrBearer } from '../events/ticket-auth.js';
import { issueTicket } from '../events/tickets.js';
import { errorResponses } from '../schemas/common.js';
import { EVENT_STREAM_DESCRIPTION, EventsQuery, StreamEventJson, TicketJson } from '../schemas/events.js';

export interface EventStreamOptions {
  readonly limits: StreamLimits;
  readonly heartbeatMs: number;
  readonly maxBufferedBytes: number;
  /** Missed messages sent on one resume; past it the stream ends and the client resumes again. */
  readonly maxReplay: number;
  /** Seconds a client over a limit is told to wait. */
  readonly retryAfterSeconds: number;
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = {
  limits: { perUser: 5, perHost: 10_000 },
  heartbeatMs: 15_000,
  maxBufferedBytes: 256 * 1024,
  maxReplay: 1_000,
  retryAfterSeconds: 5,
};

export interface EventRoutesOptions {
  readonly followMessages: FollowMessages;
  /** Where tickets live: shared by every host (PostgreSQL), or this process's memory. */
  readonly eventTickets: EventTickets;
  readonly auth: AuthHooks;
  readonly stream?: Partial<EventStreamOptions> | undefined;
}

export const eventRoutes: FastifyPluginAsyncTypebox<EventRoutesOptions> = async (app, deps) => {
  const options = { ...DEFAULT_EVENT_STREAM_OPTIONS, ...deps.stream };
  const slots = new StreamSlots(options.limits);
  // Before the server waits for open requests to finish: streams never would on their own.
  app.addHook('preClose', async () => slots.closeAll());

  app.post(
    '/events/ticket',
    {
      onRequest: deps.auth.required,
      schema: {
        operationId: 'createEventStreamTicket',
        tags: ['events'],
        summary: 'A single-use, 60-second ticket for `GET /api/events?ticket=` (EventSource cannot send headers)',
        security: [{ bearerAuth: [] }],
        response: { 200: TicketJson, ...errorResponses(401, 503) },
      },
    },
    async (request) => {
      const { ticket, expiresIn } = await issueTicket(deps.eventTickets, callerOf(request));
      return { ticket, expires_in: expiresIn };
    },
  );

  app.get(
    '/events',
    {
      onRequest: ticketOrBearer(deps.eventTickets, deps.auth),
      schema: {
        operationId: 'streamEvents',
        tags: ['events'],
        summary: 'Live messages of your conversations (Server-Sent Events)',
        description: EVENT_STREAM_DESCRIPTION,
        security: [{ bearerAuth: [] }, {}],
        querystring: EventsQuery,
        response: {
          200: { description: 'An event stream.', content: { 'text/event-stream': { schema: StreamEventJson } } },
          ...errorResponses(400, 401, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const identity = callerOf(request);
      const lastEventId = request.headers['last-event-id'] ?? request.query.last_event_id;
      const resume = typeof lastEventId === 'string' ? resumePointOf(lastEventId) : null;
      if (typeof lastEventId === 'string' && resume === null) {
        throw new HttpRequestError(400, 'invalid_last_event_id', 'Last-Event-ID is not an id this API sent.');
      }
      const stream = new SseStream(reply.raw, {
        heartbeatMs: options.heartbeatMs,
        maxBufferedBytes: options.maxBufferedBytes,
        endsAt: identity.expiresAt * 1000,
        retryMs: 1_000,
      });
      // The slot is keyed by the token's subject: one per user, known before any read.
      const slot = slots.take(identity.sub, () => stream.end());
      if ('full' in slot) {
        const message = slot.full === 'user' ? 'You have too many open event streams.' : 'This host is at its stream limit.';
        throw new HttpRequestError(429, 'too_many_streams', message, {
          'retry-after': String(options.retryAfterSeconds),
        });
      }
      const feed = new MessageFeed(stream, resume?.messageUuid ?? null);
      const followed = await deps.followMessages
        .execute({ callerSub: identity.sub, since: resume?.since ?? null, maxMissed: options.maxReplay, listener: feed })
        .catch((error: unknown) => {
          slot.release();
          throw error;
        });
      stream.onClose(() => {
        followed.subscription.close();
        slot.release();
      });
      reply.hijack();
      // The client left, or the host began shutting down, while the missed messages were read.
      if (stream.closed) {
        reply.raw.end();
        return;
      }
      stream.open(reply.getHeaders());
      feed.replay(followed.missed);
      if (!followed.complete) stream.end();
    },
  );
};
