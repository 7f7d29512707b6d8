import type { onRequestAsyncHookHandler } from 'fastify';
import type { AuthHooks } from '../auth.js';
import { HttpRequestError } from '../error-handler.js';
import type { EventsQuery } from '../schemas/events.js';
import type { TicketStore } from './tickets.js';

/** `?ticket=` when present (redeemed, so it works once), else the bearer header as everywhere. */
export const ticketOrBearer = (tickets: TicketStore, auth: AuthHooks): onRequestAsyncHookHandler =>
  async function (request, reply) {
    const { ticket } = request.query as EventsQuery;
    if (ticket === undefined) return auth.required.call(this, request, reply);
    request.cruddurIdentity = tickets.redeem(ticket);
    if (request.cruddurIdentity === null) {
      throw new HttpRequestError(401, 'invalid_ticket', 'The ticket is unknown, used or expired; get a new one.', {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
  };
