import { COMMON_OPTIONS, type Command, type CommandGroup, type OptionSpecs } from './command.js';

export const PROGRAM = 'cruddur-ops';

/** Two indented columns, the left one padded to its widest entry. */
const columns = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
};

const optionRows = (options: OptionSpecs): Array<[string, string]> =>
  Object.entries(options).map(([name, spec]) => [
    `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`,
    spec.description,
  ]);

/** Wraps each paragraph of a command's details at 90 columns, for an 80-100 column terminal. */
const wrap = (text: string, width = 90): string[] =>
  text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    return [...lines, line];
  });

/** The tail of every group's and command's help: its options, then the group's environment. */
const optionsAndEnvironment = (group: CommandGroup, options: OptionSpecs): string[] => [
  '',
  'Options:',
  ...columns(optionRows({ ...options, ...COMMON_OPTIONS })),
  '',
  'Environment:',
  ...columns(group.environment),
];

const sentence = (summary: string): string => `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`;

const usageOf = (group: CommandGroup, command: Command): string =>
  [
    PROGRAM,
    group.name,
    command.name,
    ...(command.arguments ?? []).map((a) => `<${a.name}>`),
    '[options]',
  ].join(' ');

export const rootHelp = (groups: readonly CommandGroup[]): string =>
  [
    `${PROGRAM}: operate Cruddur Messaging: its DynamoDB table, PostgreSQL users and Cognito link.`,
    '',
    `Usage: ${PROGRAM} <group> <command> [arguments] [options]`,
    ...groups.flatMap((group) => [
      '',
      `${group.name}: ${group.summary}`,
      ...columns(group.commands.map((c) => [c.name, c.summary])),
    ]),
    '',
    'Options every command takes:',
    ...columns(optionRows(COMMON_OPTIONS)),
    '',
    'Local engines are the default; --prod talks to AWS.',
    `Run "${PROGRAM} <group> --help" or "${PROGRAM} <group> <command> --help" for more.`,
  ].join('\n');

export const groupHelp = (group: CommandGroup): string =>
  [
    `${PROGRAM} ${group.name}: ${group.summary}`,
    '',
    `Usage: ${PROGRAM} ${group.name} <command> [arguments] [options]`,
    '',
    'Commands:',
    ...columns(group.commands.map((c) => [c.name, c.summary])),
    ...optionsAndEnvironment(group, group.options),
  ].join('\n');

export const commandHelp = (group: CommandGroup, command: Command): string =>
  [
    `Usage: ${usageOf(group, command)}`,
    '',
    sentence(command.summary),
    ...(command.details === undefined ? [] : ['', ...wrap(command.details)]),
    ...(command.arguments === undefined
      ? []
      : ['', 'Arguments:', ...columns(command.arguments.map((a) => [`<${a.name}>`, a.description]))]),
    ...optionsAndEnvironment(group, { ...command.options, ...group.options }),
  ].join('\n');

export const commandUsage = (group: CommandGroup, command: Command): string =>
  `${PROGRAM} ${group.name} ${command.name}`;
