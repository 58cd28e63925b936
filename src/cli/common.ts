/** Shared pieces of the CLI: the command shape, parsing with help and usage errors, error → exit code. */
import { isWorkbenchError, WorkbenchError } from '../errors.js';
import { Workbench } from '../workbench.js';
import { messages } from '../messages.js';
import { cliMessages as cli } from '../messages/cli.js';
import { helpText, parseFlags, presetList, UsageError, type CommandSpec, type ParsedArgs } from './flags.js';
import { cliErrorText } from './wording.js';

export { UsageError, type ParsedArgs } from './flags.js';

/** Where a command writes. */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A subcommand. */
export interface Command {
  /** Its name, arguments, summary and flags (the help is made from these). */
  spec: CommandSpec;
  /** Run; resolves to the exit code. */
  run: (args: string[], io: CommandIo) => Promise<number>;
}

/**
 * Parse `args` against `spec` and run `body`, mapping the outcome to an exit code: `--help` prints the help
 * (0), a UsageError one line `error: … [USAGE]` (2), a WorkbenchError one line `error: … [CODE]` in flag
 * wording (1).
 */
export async function runCommand(
  spec: CommandSpec,
  args: readonly string[],
  io: CommandIo,
  body: (parsed: ParsedArgs) => Promise<number>,
): Promise<number> {
  try {
    const parsed = parseFlags(spec, args);
    if (parsed.help) {
      io.out(helpText(spec));
      return 0;
    }
    return await body(parsed);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(cli.usageError(e.message));
      return 2;
    }
    if (e instanceof WorkbenchError) {
      io.err(messages.cliError(cliErrorText(e), e.code));
      return 1;
    }
    throw e;
  }
}

/** Help text listing the commands, the presets and how to get a command's flags. */
export function usage(commands: Record<string, Command>): string {
  const lines = Object.values(commands).map(
    ({ spec }) => `  swb ${spec.name}${spec.args ? ` ${spec.args}` : ''} [options]\n      ${spec.summary}`,
  );
  return [
    cli.helpTitle(),
    '',
    cli.helpCommands(),
    ...lines,
    `  swb help [COMMAND], swb COMMAND --help\n      ${cli.helpHelp()}`,
    `  swb --version\n      ${cli.helpVersion()}`,
    '',
    presetList(),
    '',
    cli.helpMore(),
  ].join('\n');
}

/** Open a Workbench with `--memory-limit` (DuckDB's default limit when absent); an amount it cannot take is a usage error naming the flag. */
export async function openWorkbench(memoryLimit: string | undefined): Promise<Workbench> {
  try {
    return await Workbench.open(memoryLimit === undefined ? {} : { memoryLimit });
  } catch (e) {
    if (memoryLimit !== undefined && isWorkbenchError(e, 'BAD_OPTION'))
      throw new UsageError(cli.badMemoryLimitFlag(memoryLimit));
    throw e;
  }
}

/** Milliseconds since `start`, as `1.2 s`. */
export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
