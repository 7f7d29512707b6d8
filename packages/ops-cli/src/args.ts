import { parseArgs } from 'node:util';
import type { OptionSpecs } from './command.js';
import { UsageError } from './errors.js';

/** A command's parsed command line, with typed accessors that fail as usage errors. */
export class ParsedArgs {
  constructor(
    private readonly values: ReadonlyMap<string, string | boolean>,
    readonly positionals: readonly string[],
    private readonly usage: string,
  ) {}

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  text(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  /** A positive integer option (`--limit 20`), or undefined when absent. */
  count(name: string): number | undefined {
    const raw = this.text(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
      throw new UsageError(
        `--${name} must be a positive whole number, got "${raw}" (see ${this.usage} --help)`,
      );
    }
    return value;
  }

  positional(index: number): string {
    const value = this.positionals[index];
    if (value === undefined) throw new UsageError(`missing argument ${index + 1} (see ${this.usage} --help)`);
    return value;
  }
}

const isParseArgsError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');

/**
 * Parses with node:util `parseArgs` in strict mode. Node's messages run on with advice about
 * `--`; the first sentence says what is wrong, and the hint says where the options are listed.
 */
export const parseCommandArgs = (
  argv: readonly string[],
  options: OptionSpecs,
  positionalNames: readonly string[],
  usage: string,
): ParsedArgs => {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: true,
    });
    const scalar = Object.entries(values).flatMap(([name, value]) =>
      typeof value === 'string' || typeof value === 'boolean' ? [[name, value] as const] : [],
    );
    if (positionals.length > positionalNames.length) {
      throw new UsageError(
        `unexpected argument "${positionals[positionalNames.length]}" (see ${usage} --help)`,
      );
    }
    if (positionals.length < positionalNames.length) {
      throw new UsageError(`missing <${positionalNames[positionals.length]}> (see ${usage} --help)`);
    }
    return new ParsedArgs(new Map(scalar), positionals, usage);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const [firstSentence = error.message] = error.message.split('. ');
    throw new UsageError(`${firstSentence.replace(/\.$/, '')} (see ${usage} --help)`);
  }
};
