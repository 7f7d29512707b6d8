import type { CliStream } from './io.js';

/** DocumentClient values JSON cannot hold as they are: sets, binaries and big numbers. */
const jsonSafe = (_key: string, value: unknown): unknown => {
  if (value instanceof Set) return [...value];
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
};

const PROGRESS_LOG_STEP = 25;

/**
 * A command's result goes to stdout once, as JSON for machines (`--json`) or as text for
 * people. Progress goes to stderr, so `--json` output stays parseable when piped.
 */
export class Output {
  constructor(
    private readonly stdout: CliStream,
    private readonly stderr: CliStream,
    private readonly json: boolean,
  ) {}

  result(data: unknown, human: () => string): void {
    this.stdout.write(this.json ? `${JSON.stringify(data, jsonSafe, 2)}\n` : `${human()}\n`);
  }

  /**
   * A progress bar redrawn in place on a terminal. On a pipe or in a log file (CI), carriage
   * returns would pile up into one unreadable line: there, a plain line every 25 items and
   * one at the end.
   */
  progress(label: string): { update(done: number, total: number): void; end(): void } {
    const tty = this.stderr.isTTY === true;
    let drawn = false;
    let logged = 0;
    return {
      update: (done, total) => {
        drawn = true;
        if (tty) {
          const filled = total === 0 ? 20 : Math.round((done / total) * 20);
          this.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${done}/${total}`);
        } else if (done === total || done - logged >= PROGRESS_LOG_STEP) {
          logged = done;
          this.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      end: () => {
        if (tty && drawn) this.stderr.write('\n');
      },
    };
  }
}
