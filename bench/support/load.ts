import autocannon from 'autocannon';

export interface LoadTarget {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LoadPlan {
  readonly connections: number;
  readonly warmupSeconds: number;
  /** Measured seconds per side, split into two halves (see `compareLoad`). */
  readonly seconds: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  /** Non-2xx answers, connection errors and timeouts: any of them voids the comparison. */
  readonly failures: number;
}

export const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** 10 connections × 5 s per side after a 1 s warm-up; BENCH_HTTP_* override it for quick runs. */
export const loadPlan = (): LoadPlan => ({
  connections: envNumber('BENCH_HTTP_CONNECTIONS', 10),
  warmupSeconds: envNumber('BENCH_HTTP_WARMUP_SECONDS', 1),
  seconds: envNumber('BENCH_HTTP_SECONDS', 5),
});

export const run = async (target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> => {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    connections,
    duration: seconds,
    ...(target.headers === undefined ? {} : { headers: target.headers }),
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
  };
};

const sum = (results: readonly LoadResult[]) => ({
  rps: results.reduce((n, r) => n + r.requests, 0) / results.reduce((n, r) => n + r.seconds, 0),
  failures: results.reduce((n, r) => n + r.failures, 0),
});

/**
 * Throughput of `a` and `b` (req/s), measured in ABBA order: a warm-up each (JIT, sockets,
 * caches; thrown away), then half the seconds of A, B, B, A. A machine that speeds up or slows
 * down during the run (other tenants, CPU frequency) then shifts both sides alike.
 */
export const compareLoad = async (a: LoadTarget, b: LoadTarget, plan: LoadPlan) => {
  const { connections, warmupSeconds, seconds } = plan;
  await run(a, connections, warmupSeconds);
  await run(b, connections, warmupSeconds);
  const half = seconds / 2;
  const a1 = await run(a, connections, half);
  const b1 = await run(b, connections, half);
  const b2 = await run(b, connections, half);
  const a2 = await run(a, connections, half);
  return { a: sum([a1, a2]), b: sum([b1, b2]) };
};
