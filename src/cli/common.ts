/** Shared pieces of the CLI: the command shape, argument parsing with usage errors, error → exit code. */
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';

/** Where a command writes. */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A subcommand. */
export interface Command {
  /** One-line usage, e.g. `validate FILE [--preset P]`. */
  usage: string;
  /** What it does. */
  summary: string;
  /** Run; resolves to the exit code. */
  run: (args: string[], io: CommandIo) => Promise<number>;
}

/** Thrown for bad command-line usage (exit code 2). */
export class UsageError extends Error {}

/** Parsed command line: string options, boolean flags, positionals. */
export interface ParsedArgs {
  values: Record<string, string | undefined>;
  flags: Record<string, boolean>;
  positionals: string[];
}

/** Parse `--name value` options and `--flag`s strictly; unknown flags become a UsageError. */
export function parse(args: string[], strings: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of strings) options[s] = { type: 'string' };
  for (const b of booleans) options[b] = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    const out: ParsedArgs = { values: {}, flags: {}, positionals };
    for (const s of strings) out.values[s] = values[s] as string | undefined;
    for (const b of booleans) out.flags[b] = values[b] === true;
    return out;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** Run a command body, mapping errors to exit codes: WorkbenchError → 1, UsageError → 2. */
export async function guarded(io: CommandIo, usageLine: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(messages.usageFailed(e.message, usageLine));
      return 2;
    }
    if (e instanceof WorkbenchError) {
      io.err(messages.cliError(e.message, e.code));
      return 1;
    }
    throw e;
  }
}

/** Help text listing the commands. */
export function usage(commands: Record<string, Command>): string {
  const lines = Object.values(commands).map((c) => `  swb ${c.usage}\n      ${c.summary}`);
  return `segment-workbench (swb): customer segmentation on DuckDB\n\nCommands:\n${lines.join('\n')}`;
}

/** Milliseconds since `start`, as `1.2 s`. */
export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
