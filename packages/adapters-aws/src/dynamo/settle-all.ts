/**
 * Waits for every write, then fails with the first failure, if any: a caller that goes on,
 * reports an error or retries never leaves a write of its own still in flight.
 */
export const settleAll = async (writes: readonly Promise<unknown>[]): Promise<void> => {
  const outcomes = await Promise.allSettled(writes);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
};
