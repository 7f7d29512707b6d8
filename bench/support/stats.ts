export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >>> 1;
  const upper = sorted[middle] ?? Number.NaN;
  const lower = sorted[middle - 1] ?? upper;
  return sorted.length % 2 === 0 ? (lower + upper) / 2 : upper;
};

/** How many sequential runs of `run` fit in `ms` milliseconds. */
export const runsWithin = async (ms: number, run: () => Promise<unknown>): Promise<number> => {
  const deadline = performance.now() + ms;
  let runs = 0;
  while (performance.now() < deadline) {
    await run();
    runs += 1;
  }
  return runs;
};

/** Latencies span microseconds (memory) to milliseconds (dynalite): pick the readable unit. */
export const formatMs = (ms: number): string =>
  ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;

export const formatRate = (perSecond: number, unit: string): string =>
  `${Math.round(perSecond).toLocaleString('en-US')} ${unit}`;

export const formatRatio = (ratio: number): string => ratio.toFixed(2);
