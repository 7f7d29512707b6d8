import type { FastifyRequest, FastifyServerOptions } from 'fastify';

type LoggerOption = NonNullable<FastifyServerOptions['logger']>;

/** `?ticket=` stands in for an access token: it must never reach a log line. */
export const redactTickets = (url: string): string => url.replace(/([?&]ticket=)[^&#]*/gi, '$1[redacted]');


/** The logger options with Fastify's request serializer replaced by one that redacts tickets. */
export function withRedactedTickets(logger: LoggerOption): LoggerOption {
  if (logger === false) return logger;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: {
      ...base.serializers,
      // Fastify's own fields, with the URL redacted.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactTickets(request.url),
        host: request.host,
        remoteAddress: request.ip,
        ...(request.socket?.remotePort === undefined ? {} : { remotePort: request.socket.remotePort }),
      }),
    },
  };
}
