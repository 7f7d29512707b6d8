/**
 * A failure the CLI reports as one line on stderr, without a stack trace. Exit code 1 for
 * failures while working, 2 for a command line the CLI refuses (the usual Unix split), so a
 * script can tell "fix the invocation" from "try again later".
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Unknown command or option, missing argument, or a destructive command without `--yes`. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
