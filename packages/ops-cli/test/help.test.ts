import { describe, expect, it } from 'vitest';
import { GROUPS } from '../src/main.js';
import { runCli } from './run-cli.js';

const commands = GROUPS.flatMap((group) =>
  group.commands.map((command) => [group.name, command.name] as const),
);

describe('--help', () => {
  it('on the root lists every group and command', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const [group, command] of commands) {
      expect(stdout).toContain(`${group}:`);
      expect(stdout).toContain(command);
    }
  });

  it.each(GROUPS.map((g) => g.name))('on the %s group lists its commands and environment', async (group) => {
    const { code, stdout } = await runCli([group, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: cruddur-ops ${group} <command>`);
    expect(stdout).toContain('Environment:');
  });

  it.each(commands)('on %s %s shows its usage and options', async (group, command) => {
    const { code, stdout, stderr } = await runCli([group, command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: cruddur-ops ${group} ${command}`));
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--prod');
  });

  it('wins over an otherwise invalid command line, and -h works too', async () => {
    const { code, stdout } = await runCli(['ddb', 'conversation', '--no-such-option', '-h']);
    expect(code).toBe(0);
    expect(stdout).toContain('<group-uuid>');
  });
});

describe('a command line the CLI refuses', () => {
  it('shows the root help on stderr with exit code 2 when no command is given', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Usage: cruddur-ops');
  });

  it.each([
    [['dynamo', 'scan'], 'unknown command group "dynamo"'],
    [['ddb', 'truncate'], 'unknown command "ddb truncate"'],
    [['ddb', 'scan', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['ddb', 'scan', '--table'], "Option '--table <value>' argument missing"],
    [['ddb', 'scan', 'extra'], 'unexpected argument "extra"'],
    [['ddb', 'conversation'], 'missing <group-uuid>'],
    [['ddb', 'scan', '--limit', '0'], '--limit must be a positive whole number'],
  ])('%j: one line on stderr, exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
