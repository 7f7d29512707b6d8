import { availableParallelism } from 'node:os';
import { adapterOverheadSection } from './adapter-overhead.js';
import { eventsSection } from './events.js';
import { httpSection } from './http.js';
import { pluginImportSection } from './plugin-import.js';
import { roundTripsSection } from './round-trips.js';
import { scalingSection } from './scaling.js';
import type { SectionResult } from './section.js';
import { startupSection } from './startup.js';
import { progress } from './support/progress.js';
import { formatTable, type Row } from './support/report.js';
import { writeCostSection } from './write-cost.js';

/*
 * `npm run bench [-- section…]`: design §11, measured in one run on this machine. Progress goes
 * to stderr; stdout gets one table of every measure, then notes. A missed target is reported,
 * never an exit code: only a section that could not run at all fails the command.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SECTIONS: Record<string, () => Promise<SectionResult>> = {
  http: httpSection,
  adapter: adapterOverheadSection,
  'round-trips': roundTripsSection,
  scaling: scalingSection,
  'write-cost': writeCostSection,
  events: eventsSection,
  'plugin-import': pluginImportSection,
  startup: startupSection,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}\n`,
  );
  process.exit(2);
}

const rows: Row[] = [];
const notes: string[] = [];
let failed = false;
const started = performance.now();
for (const [name, run] of Object.entries(SECTIONS)) {
  if (requested.length > 0 && !requested.includes(name)) continue;
  progress(`section ${name}: start`);
  try {
    const result = await run();
    rows.push(...result.rows);
    notes.push(...result.notes);
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? message) : message}\n`);
    rows.push({
      section: name,
      measure: 'section failed',
      result: message.split('\n')[0] ?? '',
      baseline: '—',
      ratio: '—',
      target: '—',
      verdict: 'ERROR',
    });
  }
  progress(`section ${name}: done`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
const machine = `Node ${process.version}, ${availableParallelism()} cores`;
process.stdout.write(`\n${formatTable(rows)}\n\n${machine}, total ${seconds} s.\n`);
for (const note of notes) process.stdout.write(`\n${note}\n`);
process.exitCode = failed ? 1 : 0;
