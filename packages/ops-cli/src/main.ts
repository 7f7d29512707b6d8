import { parseCommandArgs } from './args.js';
import { cognitoGroup } from './cognito/index.js';
import { COMMON_OPTIONS, type Command, type CommandGroup } from './command.js';
import { dbGroup } from './db/index.js';
import { ddbGroup } from './ddb/index.js';
import { CliError, UsageError } from './errors.js';
import { describeUnexpected } from './failure.js';
import { commandHelp, commandUsage, groupHelp, PROGRAM, rootHelp } from './help.js';
import type { CliEnvironment } from './io.js';
import { Output } from './output.js';
import { Session } from './session.js';

export const GROUPS: readonly CommandGroup[] = [ddbGroup, dbGroup, cognitoGroup];

/** `--help` anywhere before a `--` wins over everything else, even an invalid command line. */
const wantsHelp = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  return head.includes('--help') || head.includes('-h');
};

/** Help asked for goes to stdout (exit 0); help shown because a word is missing goes to stderr (exit 2). */
const showHelp = (text: string, asked: boolean, environment: CliEnvironment): number => {
  (asked ? environment.stdout : environment.stderr).write(`${text}\n`);
  return asked ? 0 : 2;
};

/**
 * Runs one command line and returns the exit code: 0 done, 1 failed while working, 2 refused
 * the command line. Every failure is one line on stderr (`CRUDDUR_OPS_DEBUG=1` adds the stack).
 */
export async function main(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const help = wantsHelp(argv);
  try {
    const [groupName, commandName, ...rest] = argv;
    if (groupName === undefined || groupName.startsWith('-'))
      return showHelp(rootHelp(GROUPS), help, environment);
    const group = GROUPS.find((g) => g.name === groupName);
    if (group === undefined) {
      const names = GROUPS.map((g) => g.name).join(', ');
      throw new UsageError(`unknown command group "${groupName}" (one of ${names}; see ${PROGRAM} --help)`);
    }
    if (commandName === undefined || commandName.startsWith('-'))
      return showHelp(groupHelp(group), help, environment);
    const command = group.commands.find((c) => c.name === commandName);
    if (command === undefined) {
      throw new UsageError(
        `unknown command "${group.name} ${commandName}" (see ${PROGRAM} ${group.name} --help)`,
      );
    }
    if (help) return showHelp(commandHelp(group, command), true, environment);
    await run(group, command, rest, environment);
    return 0;
  } catch (error) {
    return fail(error, environment);
  }
}

async function run(
  group: CommandGroup,
  command: Command,
  argv: readonly string[],
  environment: CliEnvironment,
) {
  const args = parseCommandArgs(
    argv,
    { ...command.options, ...group.options, ...COMMON_OPTIONS },
    (command.arguments ?? []).map((a) => a.name),
    commandUsage(group, command),
  );
  const session = new Session(environment, args);
  try {
    const out = new Output(environment.stdout, environment.stderr, args.flag('json'));
    await command.run({ args, out, session, environment });
  } finally {
    await session.close();
  }
}

function fail(error: unknown, { stderr, env }: CliEnvironment): number {
  stderr.write(`${PROGRAM}: ${error instanceof CliError ? error.message : describeUnexpected(error)}\n`);
  if (env.CRUDDUR_OPS_DEBUG && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}
