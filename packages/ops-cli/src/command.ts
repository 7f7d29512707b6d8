import type { ParsedArgs } from './args.js';
import type { CliEnvironment } from './io.js';
import type { Output } from './output.js';
import type { Session } from './session.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder shown in help for a string option, e.g. `<name>`. */
  readonly value?: string;
  readonly description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly out: Output;
  readonly session: Session;
  readonly environment: CliEnvironment;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Paragraphs for `--help` below the summary: what it does, what it refuses, why. */
  readonly details?: string;
  /** Required positional arguments, in order. */
  readonly arguments?: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly options?: OptionSpecs;
  /** Throws on failure (CliError for the expected ones); returning means exit code 0. */
  run(context: CommandContext): Promise<void>;
}

export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  /** Options every command of the group takes (e.g. `--table`). */
  readonly options: OptionSpecs;
  /** Environment variables the group reads, with their meaning, for `--help`. */
  readonly environment: ReadonlyArray<readonly [string, string]>;
  readonly commands: readonly Command[];
}

/** Taken by every command. */
export const COMMON_OPTIONS: OptionSpecs = {
  prod: {
    type: 'boolean',
    description: 'talk to AWS (no endpoint override); PostgreSQL then needs CONNECTION_URL',
  },
  json: { type: 'boolean', description: 'print JSON on stdout instead of tables' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** `--yes`, for the commands that destroy data. */
export const YES_OPTION: OptionSpecs = {
  yes: { type: 'boolean', short: 'y', description: 'confirm: this destroys data' },
};
