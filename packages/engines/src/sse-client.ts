import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface SseEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/** A client of `GET /api/events` over a real socket, as a browser's EventSource would be. */
export interface EventStreamClient {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body of a non-200 answer. */
  readonly body: () => Promise<string>;
  readonly events: readonly SseEvent[];
  /** Comment lines seen (heartbeats). */
  readonly comments: () => number;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  /** Waits until `count` events have come, then returns them all (throws after `timeoutMs`). */
  next(count: number, timeoutMs?: number): Promise<readonly SseEvent[]>;
  /** `data` of every `message` event, parsed. */
  messages<T = Record<string, unknown>>(): T[];
  close(): void;
}

export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: SseEvent[] = [];
      let comments = 0;
      let buffer = '';
      let raw = '';
      res.setEncoding('utf8');
      const ended = new Promise<void>((done) => {
        res.once('end', done);
        res.once('close', done);
      });
      res.on('data', (chunk: string) => {
        raw += res.statusCode === 200 ? '' : chunk;
        buffer += chunk;
        let split = buffer.indexOf('\n\n');
        while (split !== -1) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const fields = parseBlock(block);
          if (fields.comment) comments += 1;
          if (fields.event) events.push(fields.event);
          split = buffer.indexOf('\n\n');
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: async () => {
          await ended;
          return raw;
        },
        events,
        comments: () => comments,
        ended,
        next: async (count, timeoutMs = 10_000) => {
          const deadline = Date.now() + timeoutMs;
          while (events.length < count) {
            if (Date.now() > deadline) throw new Error(`timed out with ${events.length} of ${count} events`);
            await new Promise((r) => setTimeout(r, 5));
          }
          return [...events];
        },
        messages: <T>() => events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as T),
        close: () => req.destroy(),
      });
    });
    req.once('error', reject);
    req.end();
  });
}

function parseBlock(block: string): { event?: SseEvent; comment: boolean } {
  let id: string | undefined;
  let event = 'message';
  const data: string[] = [];
  let comment = false;
  let hasData = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comment = true;
    else if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) {
      data.push(line.slice(6));
      hasData = true;
    }
  }
  if (!hasData) return { comment };
  return { event: { ...(id === undefined ? {} : { id }), event, data: data.join('\n') }, comment };
}
