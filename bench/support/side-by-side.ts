import { median, runsWithin } from './stats.js';

const ROUNDS = 8;
const ROUND_MS = 300;

export interface Comparison {
  readonly adapter: number;
  readonly hand: number;
  readonly ratio: number;
}

/**
 * Sequential calls, one in flight, in short rounds that alternate which side goes first. The
 * ratio is the median of the per-round ratios, so a burst of outside load (other processes on
 * this machine) spoils one round, not the result; ops/s are totals over all rounds.
 */
export const compareSideBySide = async (
  adapter: () => Promise<unknown>,
  hand: () => Promise<unknown>,
): Promise<Comparison> => {
  await runsWithin(ROUND_MS, adapter);
  await runsWithin(ROUND_MS, hand);
  const ratios: number[] = [];
  let [adapterRuns, handRuns] = [0, 0];
  for (let round = 0; round < ROUNDS; round++) {
    const handFirst = round % 2 === 1;
    const before = handFirst ? await runsWithin(ROUND_MS, hand) : 0;
    const ours = await runsWithin(ROUND_MS, adapter);
    const theirs = handFirst ? before : await runsWithin(ROUND_MS, hand);
    ratios.push(ours / theirs);
    adapterRuns += ours;
    handRuns += theirs;
  }
  const seconds = (ROUNDS * ROUND_MS) / 1000;
  return { adapter: adapterRuns / seconds, hand: handRuns / seconds, ratio: median(ratios) };
};

/** Microseconds per call, one in flight. */
export const microsPerCall = async (call: () => Promise<unknown>): Promise<number> => {
  await runsWithin(200, call);
  return (500 * 1000) / (await runsWithin(500, call));
};
