// autocannon ships no types; this is the slice of its programmatic API the bench uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests per second over all connections (the soak paces with it). */
    overallRate?: number;
    /** Cycled through by every connection, each overriding the defaults above. */
    requests?: { method?: 'GET' | 'POST'; path?: string; body?: string; headers?: Record<string, string> }[];
  }
  interface Result {
    /** Requests per second, sampled each second; `total` is every request answered. */
    requests: { average: number; total: number };
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Milliseconds. */
    latency: { p50: number; p99: number; max: number };
  }
  interface Instance extends Promise<Result> {
    stop(): void;
  }
  export type { Result };
  export default function autocannon(options: Options): Instance;
}
