import { Agent, createServer, request as forward, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the engine does to each request: answer, drop it, never answer, throttle it, or apply
 * it and lose the answer (the connection drops after the engine answered).
 */
export type DynamoFault = 'none' | 'stopped' | 'hung' | 'throttled' | 'answer-lost';

export interface DynamoFaultProxy {
  readonly endpoint: string;
  /** Starts `fault` once `afterRequests` more requests have been passed through (0: at once). */
  inject(fault: DynamoFault, afterRequests?: number): void;
  /** Ends the fault: hung requests are dropped (as a restarted engine would), new ones pass. */
  heal(): void;
  /** Requests answered with the fault so far (since the last `inject`). */
  readonly faulted: () => number;
  close(): Promise<void>;
}

// DynamoDB's own answer when a table's capacity is exceeded: what the SDK retries with backoff
// and, once out of attempts, raises as ProvisionedThroughputExceededException.
const THROTTLED_BODY = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
});

/**
 * An HTTP proxy in front of a DynamoDB engine that acts per request (not per connection), so a
 * fault also reaches the host's kept-alive sockets: `stopped` resets the connection, `hung`
 * accepts the request and never answers, `throttled` answers 400 as DynamoDB does when throttling,
 * `answer-lost` passes the request to the engine and drops the connection instead of its answer.
 */
export async function startDynamoFaultProxy(targetPort: number): Promise<DynamoFaultProxy> {
  const upstream = new Agent({ keepAlive: true });
  const hung = new Set<ServerResponse>();
  let fault: DynamoFault = 'none';
  let pending: { fault: DynamoFault; after: number } | null = null;
  let faulted = 0;
  const server = createServer((req, res) => {
    if (pending && pending.after-- <= 0) {
      fault = pending.fault;
      pending = null;
    }
    if (fault !== 'none') faulted += 1;
    if (fault === 'stopped') return void req.socket.destroy();
    if (fault === 'hung') return void hung.add(res.once('close', () => hung.delete(res)));
    if (fault === 'throttled') {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      return void res.end(THROTTLED_BODY);
    }
    // Decided on arrival, as for the other faults: a request that came in before the fault began is answered.
    const loseAnswer = fault === 'answer-lost';
    const out = forward(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: upstream,
      },
      (answer) => {
        if (loseAnswer) {
          answer.resume();
          return void answer.once('end', () => req.socket.destroy());
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dropHung = () => {
    for (const res of hung) res.socket?.destroy();
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    inject: (next, afterRequests = 0) => {
      faulted = 0;
      pending = { fault: next, after: afterRequests };
    },
    heal: () => {
      pending = null;
      fault = 'none';
      dropHung();
    },
    faulted: () => faulted,
    close: async () => {
      dropHung();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      upstream.destroy();
    },
  };
}
