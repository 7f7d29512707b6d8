import type { EventTickets } from '@cruddur/core';
import type { onRequestAsyncHookHandler } from 'fastify';
import type { AuthHooks } from '../auth.js';
import { HttpRequestError } from '../error-handler.js';
import type { EventsQuery } from '../schemas/events.js';

/**
 * `?ticket=` when present (redeemed, so it works once, on any host), else the bearer header as
 * everywhere. A store that is down throws `DependencyUnavailableError`: 503, not 401.
 */
export const ticketOrBearer = (tickets: EventTickets, auth: AuthHooks): onRequestAsyncHookHandler =>
  async function (request, reply) {
    const { ticket } = request.query as EventsQuery;
    if (ticket === undefined) return auth.required.call(this, request, reply);
    request.cruddurIdentity = await tickets.redeem(ticket);
    if (request.cruddurIdentity === null) {
      throw new HttpRequestError(401, 'invalid_ticket', 'The ticket is unknown, used or expired; get a new one.', {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
  };
