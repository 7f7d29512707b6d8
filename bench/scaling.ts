import type { SectionResult } from './section.js';
import { progress } from './support/progress.js';
import { atMost, type Row } from './support/report.js';
import { dynaliteLists } from './support/scaling-dynalite.js';
import { type ListPair, memoryLists, type ReadPage, SMALL } from './support/scaling-lists.js';
import { formatMs, formatRatio, median } from './support/stats.js';

const TARGET = 1.5;
/**
 * Every read asks for 4 entries, starting at the first entry or at the middle of the list
 * (entry 5 of 10, entry N/2 of N). With 10 entries, both pages still have a next page: the
 * small and the big list then do the same work (decode a cursor, encode the next), and only
 * the list's length differs.
 */
const LIMIT = 4;
const WALK_LIMIT = 50;
const ROUNDS = 5;

const sizeFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > SMALL ? value : fallback;
};

/** The cursor of the page that starts `depth` entries in, by walking the list like a client would. */
const cursorAt = async (read: ReadPage, depth: number): Promise<string> => {
  let cursor: string | null = null;
  for (let skipped = 0; skipped < depth; ) {
    const page: Awaited<ReturnType<ReadPage>> = await read({
      limit: Math.min(WALK_LIMIT, depth - skipped),
      cursor,
    });
    skipped += page.items.length;
    cursor = page.nextCursor;
    if (cursor === null) throw new Error(`The list ended after ${skipped} entries, before ${depth}`);
  }
  if (cursor === null) throw new Error(`No cursor at depth ${depth}`);
  return cursor;
};

/** Guards the comparison: every page timed must hold LIMIT entries and announce a next page. */
const expectFullPage = async (read: ReadPage, cursor: string | null, what: string) => {
  const page = await read({ limit: LIMIT, cursor });
  if (page.items.length !== LIMIT || page.nextCursor === null) {
    throw new Error(`${what}: expected ${LIMIT} entries and a next page, got ${page.items.length}`);
  }
};

interface Sampling {
  /** Samples per variant. */
  readonly samples: number;
  /** Reads timed together per sample: microsecond reads need a few to rise above timer noise. */
  readonly batch: number;
}

/**
 * Median time of one read per variant, sampled in interleaved rounds so that a GC pause or a
 * busy moment of the machine lands on every variant alike.
 */
const medians = async (variants: ReadonlyArray<() => Promise<unknown>>, { samples, batch }: Sampling) => {
  const taken = variants.map((): number[] => []);
  for (const run of variants) for (let i = 0; i < 20; i++) await run();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, run] of variants.entries()) {
      for (let sample = 0; sample < samples / ROUNDS; sample++) {
        const start = performance.now();
        for (let i = 0; i < batch; i++) await run();
        taken[index]?.push((performance.now() - start) / batch);
      }
    }
  }
  return taken.map(median);
};

const measurePair = async (pair: ListPair, sampling: Sampling): Promise<Row[]> => {
  const [smallDepth, bigDepth] = [SMALL / 2, Math.floor(pair.size / 2)];
  const where = `${pair.engine} ${pair.list}`;
  progress(`scaling: ${where}: walking to entry ${bigDepth.toLocaleString('en-US')} for a cursor`);
  const [smallMiddle, bigMiddle] = [
    await cursorAt(pair.small, smallDepth),
    await cursorAt(pair.big, bigDepth),
  ];
  await expectFullPage(pair.small, null, `${where}, ${SMALL} entries, first page`);
  await expectFullPage(pair.small, smallMiddle, `${where}, ${SMALL} entries, middle page`);
  await expectFullPage(pair.big, null, `${where}, first page`);
  await expectFullPage(pair.big, bigMiddle, `${where}, middle page`);
  progress(`scaling: ${where}: timing reads`);
  const read = (list: ReadPage, cursor: string | null) => () => list({ limit: LIMIT, cursor });
  const [smallFirst = Number.NaN, bigFirst = Number.NaN, smallDeep = Number.NaN, bigDeep = Number.NaN] =
    await medians(
      [
        read(pair.small, null),
        read(pair.big, null),
        read(pair.small, smallMiddle),
        read(pair.big, bigMiddle),
      ],
      sampling,
    );
  const size = pair.size.toLocaleString('en-US');
  const row = (page: string, big: number, small: number): Row => ({
    section: '4 Scaling',
    measure: `${where}: ${page}, ${size} vs ${SMALL} ${pair.entries}`,
    result: formatMs(big),
    baseline: `${formatMs(small)} with ${SMALL}`,
    ratio: formatRatio(big / small),
    target: `≤ ${TARGET.toFixed(2)}`,
    verdict: atMost(big / small, TARGET),
  });
  return [row('first page', bigFirst, smallFirst), row('middle page via cursor', bigDeep, smallDeep)];
};

/** The big list size design §11 asks for. */
const DESIGN_N = 100_000;

/** Section 4: list latency with 10 vs N entries, on memory and on dynalite, first and deep pages. */
export const scalingSection = async (): Promise<SectionResult> => {
  const memorySize = sizeFromEnv('BENCH_MEMORY_N', DESIGN_N);
  // The design's 100 000 on both engines: filling dynalite takes ~20–40 s of the ~2.5 minutes.
  // BENCH_DYNALITE_N (e.g. 20000) shortens a run; the note under the table says which N ran.
  const dynaliteSize = sizeFromEnv('BENCH_DYNALITE_N', DESIGN_N);
  const rows: Row[] = [];
  const notes: string[] = [];
  progress(
    `scaling: memory: filling ${memorySize.toLocaleString('en-US')} groups and messages through the port`,
  );
  const memoryStarted = performance.now();
  const memory = await memoryLists(memorySize);
  notes.push(
    `Scaling, memory: N = ${memorySize.toLocaleString('en-US')}, filled through openGroup/append in ${((performance.now() - memoryStarted) / 1000).toFixed(1)} s.`,
  );
  for (const pair of memory) rows.push(...(await measurePair(pair, { samples: 200, batch: 20 })));
  const dynalite = await dynaliteLists(dynaliteSize);
  try {
    notes.push(
      `Scaling, dynalite: N = ${dynaliteSize.toLocaleString('en-US')} per list, filled by bulkLoad in ` +
        `${dynalite.fillSeconds.inbox.toFixed(1)} s (inbox rows, also indexed by the GSI) + ${dynalite.fillSeconds.messages.toFixed(1)} s (message rows) ` +
        '(the rows append writes, through the adapter’s bulk loader). ' +
        (dynaliteSize < DESIGN_N
          ? `N is below the design's ${DESIGN_N.toLocaleString('en-US')} because BENCH_DYNALITE_N said so.`
          : ''),
    );
    for (const pair of dynalite.pairs) rows.push(...(await measurePair(pair, { samples: 100, batch: 1 })));
  } finally {
    await dynalite.stop();
  }
  return { rows, notes };
};
