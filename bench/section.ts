import type { Row } from './support/report.js';

/** What every section hands back to the runner: table rows, and notes printed under the table. */
export interface SectionResult {
  readonly rows: readonly Row[];
  readonly notes: readonly string[];
}
