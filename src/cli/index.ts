#!/usr/bin/env node
/**
 * The `segment-workbench` command (alias `swb`). Subcommands live in src/cli/*; this file only
 * dispatches. Exit codes: 0 done, 1 bad input, 2 usage error.
 */
import { validateCommand } from './validate.js';
import { sampleCommand } from './sample.js';
import { reportCommand } from './report.js';
import { exportCommand } from './export.js';
import { usage, type Command, type CommandIo } from './common.js';
import { messages } from '../messages.js';

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  sample: sampleCommand,
  report: reportCommand,
  export: exportCommand,
};

/** Run the CLI with arguments (without `node script`); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(COMMANDS));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`${messages.unknownCommand(name)}\n\n${usage(COMMANDS)}`);
    return 2;
  }
  return command.run(rest, io);
}

const io: CommandIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
main(process.argv.slice(2), io).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { io.err(messages.internalError(e, process.env['SWB_DEBUG'] === '1')); process.exitCode = 70; },
);
