#!/usr/bin/env node
/**
 * The `segment-workbench` command (alias `swb`). Subcommands live in src/cli/*; this file only
 * dispatches. Exit codes: 0 done, 1 bad input, 2 usage error.
 */
import { validateCommand } from './validate.js';
import { sampleCommand } from './sample.js';
import { reportCommand } from './report.js';
import { exportCommand } from './export.js';
import { compareCommand } from './compare.js';
import { usage, type Command, type CommandIo } from './common.js';
import { helpText } from './flags.js';
import { nearest } from '../analyses/shared/validate.js';
import { messages } from '../messages.js';
import { cliMessages as cli } from '../messages/cli.js';
import { toolVersion } from '../report/assets.js';

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  sample: sampleCommand,
  report: reportCommand,
  export: exportCommand,
  compare: compareCommand,
};

/** Run the CLI with arguments (without `node script`); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(cli.version('segment-workbench', toolVersion()));
    return 0;
  }
  // `swb help report` is `swb report --help`.
  const topic = name === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
  if (topic) {
    io.out(helpText(topic.spec));
    return 0;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.out(usage(COMMANDS));
    return 0;
  }
  // Without a command: the help on stderr and exit 2, as for any usage error.
  if (name === undefined) {
    io.err(usage(COMMANDS));
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    const typed = name === 'help' ? String(rest[0]) : name;
    io.err(cli.usageError(cli.unknownCommand(typed, nearest(typed, Object.keys(COMMANDS)), Object.keys(COMMANDS))));
    return 2;
  }
  return command.run(rest, io);
}

const io: CommandIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(messages.internalError(e, process.env['SWB_DEBUG'] === '1'));
    process.exitCode = 70;
  },
);
