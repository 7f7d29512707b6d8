import { type Agent as HttpAgent, request as httpRequest } from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { serviceError, timeoutError } from './service-errors.js';

export interface HttpTarget {
  readonly url: URL;
  readonly agent: HttpAgent | HttpsAgent;
  /** Time to open a socket, once one is being opened (the wait for a pooled one is not counted). */
  readonly connectionTimeoutMs: number;
  /** Time for the whole answer once the request has a socket. */
  readonly requestTimeoutMs: number;
}

export interface SignedRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * One HTTP POST of a DynamoDB JSON call, no retry: the parsed answer, or the error the SDK would
 * throw (a service exception for a non-200 answer, `TimeoutError` when a timeout passes, Node's
 * socket error otherwise). Every path ends the request, so nothing hangs.
 */
export const postOnce = (target: HttpTarget, signed: SignedRequest): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    const { url } = target;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(timeoutError(`${what} within ${ms} ms`)), ms);
    };
    const request = send(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: target.agent as HttpAgent,
        headers: signed.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          const requestId = response.headers['x-amzn-requestid'];
          let body: Record<string, unknown>;
          try {
            body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
          } catch {
            body = { message: text.slice(0, 200) };
          }
          if (status === 200) resolve(body);
          else reject(serviceError(status, body, typeof requestId === 'string' ? requestId : undefined));
        });
      },
    );
    request.on('error', fail);
    request.on('socket', (socket) => {
      if (!socket.connecting) return arm(target.requestTimeoutMs, 'no answer');
      arm(target.connectionTimeoutMs, 'no connection');
      socket.once('connect', () => arm(target.requestTimeoutMs, 'no answer'));
    });
    request.end(signed.body);
  });
